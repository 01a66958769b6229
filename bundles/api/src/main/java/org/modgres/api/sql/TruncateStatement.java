package org.modgres.api.sql;

import java.util.List;
import java.util.Objects;

/**
 * {@code TRUNCATE [TABLE] [ONLY] name [, ...] [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE | RESTRICT]}.
 * The options are accepted and have nothing to act on: tables have neither sequences nor
 * foreign keys.
 *
 * @param tables the tables as written, each one to three names ([[database,] schema,] name)
 */
public record TruncateStatement(String text, List<List<String>> tables) implements Statement {

    public TruncateStatement {
        Objects.requireNonNull(text, "text");
        tables = tables.stream().map(List::copyOf).toList();
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("TRUNCATE needs a table");
        }
    }

    @Override
    public StatementKind kind() {
        return StatementKind.TRUNCATE;
    }
}
