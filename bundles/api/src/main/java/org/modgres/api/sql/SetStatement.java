package org.modgres.api.sql;

import java.util.Objects;

/**
 * {@code SET [SESSION | LOCAL] name {TO | =} value}, also {@code SET TIME ZONE value}.
 *
 * @param name  the parameter's name, lower case (quoted names keep their case)
 * @param value the value as PostgreSQL would show it: string literals without quotes, several
 *              values joined with {@code ", "}; {@code null} for {@code DEFAULT}
 * @param local true for {@code SET LOCAL}
 */
public record SetStatement(String text, String name, String value, boolean local) implements Statement {

    public SetStatement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public StatementKind kind() {
        return StatementKind.SET;
    }
}
