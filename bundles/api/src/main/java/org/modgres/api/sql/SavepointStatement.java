package org.modgres.api.sql;

import java.util.Objects;

/**
 * {@code SAVEPOINT name}, {@code RELEASE [SAVEPOINT] name} or
 * {@code ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name}.
 *
 * @param kind SAVEPOINT, RELEASE or ROLLBACK_TO
 * @param name the savepoint's name, lower case unless it was quoted
 */
public record SavepointStatement(String text, StatementKind kind, String name) implements Statement {

    public SavepointStatement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
        if (kind != StatementKind.SAVEPOINT && kind != StatementKind.RELEASE && kind != StatementKind.ROLLBACK_TO) {
            throw new IllegalArgumentException("not a savepoint statement: " + kind);
        }
    }
}
