package org.modgres.api.sql;

import java.util.List;
import java.util.Objects;

/**
 * {@code TRUNCATE [TABLE] [ONLY] name [, ...] [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE | RESTRICT]}.
 * CASCADE and RESTRICT have nothing to act on: tables have no foreign keys.
 *
 * @param tables          the tables as written, each one to three names ([[database,] schema,] name)
 * @param restartIdentity true for RESTART IDENTITY: the sequences the tables' columns own start again
 */
public record TruncateStatement(String text, List<List<String>> tables, boolean restartIdentity)
        implements Statement {

    public TruncateStatement {
        Objects.requireNonNull(text, "text");
        tables = tables.stream().map(List::copyOf).toList();
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("TRUNCATE needs a table");
        }
    }

    /** TRUNCATE without RESTART IDENTITY. */
    public TruncateStatement(String text, List<List<String>> tables) {
        this(text, tables, false);
    }

    @Override
    public StatementKind kind() {
        return StatementKind.TRUNCATE;
    }
}
