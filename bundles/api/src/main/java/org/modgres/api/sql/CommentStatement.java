package org.modgres.api.sql;

import java.util.List;
import java.util.Objects;

/**
 * {@code COMMENT ON TABLE | VIEW | SEQUENCE | COLUMN | SCHEMA name IS 'text' | NULL}:
 * puts a comment on an object, or removes it.
 *
 * @param type    the kind of object
 * @param name    the object's name as written; for a column, the relation's name followed by the
 *                column's
 * @param comment the comment, or null for {@code IS NULL}, which removes it (as an empty string does)
 */
public record CommentStatement(Type type, List<String> name, String comment, String text) implements Statement {

    /** The kinds of object a comment is put on. */
    public enum Type {
        TABLE, VIEW, SEQUENCE, COLUMN, SCHEMA
    }

    public CommentStatement {
        Objects.requireNonNull(type, "type");
        name = List.copyOf(name);
        Objects.requireNonNull(text, "text");
    }

    @Override
    public StatementKind kind() {
        return StatementKind.COMMENT;
    }
}
