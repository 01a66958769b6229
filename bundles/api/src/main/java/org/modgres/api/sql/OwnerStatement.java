package org.modgres.api.sql;

import java.util.List;
import java.util.Objects;

/**
 * {@code ALTER TABLE | VIEW | SEQUENCE [IF EXISTS] name OWNER TO role}: gives a relation to
 * another role. ALTER TABLE takes any relation, as in PostgreSQL; ALTER VIEW and ALTER SEQUENCE
 * only their own kind.
 *
 * @param type     the kind of relation the statement names, which also gives its command tag
 * @param name     the relation's name as written, one to three parts
 * @param ifExists whether a missing relation is a notice rather than an error
 * @param newOwner the new owner's name, or {@link #CURRENT_USER}, {@link #CURRENT_ROLE} or
 *                 {@link #SESSION_USER} for those keywords
 */
public record OwnerStatement(Type type, List<String> name, boolean ifExists, String newOwner, String text)
        implements Statement {

    /** The kinds of relation ALTER ... OWNER TO names. */
    public enum Type {
        TABLE, VIEW, SEQUENCE
    }

    /** The keyword CURRENT_USER in place of a role name; a quoted "current_user" is a role's name. */
    public static final String CURRENT_USER = "CURRENT_USER";
    /** The keyword CURRENT_ROLE in place of a role name. */
    public static final String CURRENT_ROLE = "CURRENT_ROLE";
    /** The keyword SESSION_USER in place of a role name. */
    public static final String SESSION_USER = "SESSION_USER";

    public OwnerStatement {
        Objects.requireNonNull(type, "type");
        name = List.copyOf(name);
        Objects.requireNonNull(newOwner, "newOwner");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public StatementKind kind() {
        return switch (type) {
            case TABLE -> StatementKind.ALTER_TABLE;
            case VIEW -> StatementKind.ALTER_VIEW;
            case SEQUENCE -> StatementKind.ALTER_SEQUENCE;
        };
    }
}
