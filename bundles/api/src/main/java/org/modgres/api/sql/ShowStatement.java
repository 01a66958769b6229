package org.modgres.api.sql;

import java.util.Objects;

/**
 * {@code SHOW name} or {@code SHOW ALL}.
 *
 * @param name the parameter's name, lower case; {@code "all"} for {@code SHOW ALL}.
 *             {@code SHOW TRANSACTION ISOLATION LEVEL} has the name {@code transaction_isolation}
 *             and {@code SHOW TIME ZONE} the name {@code timezone}
 */
public record ShowStatement(String text, String name) implements Statement {

    public ShowStatement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public StatementKind kind() {
        return StatementKind.SHOW;
    }
}
