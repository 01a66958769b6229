package org.modgres.api.sql;

import java.util.Objects;

/**
 * {@code RESET name} or {@code RESET ALL}.
 *
 * @param name the parameter's name, lower case; {@code "all"} for {@code RESET ALL}
 */
public record ResetStatement(String text, String name) implements Statement {

    public ResetStatement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public StatementKind kind() {
        return StatementKind.RESET;
    }
}
