package org.modgres.api.sql;

import java.util.Objects;

/**
 * {@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT}, {@code END} or {@code ROLLBACK}.
 *
 * @param kind BEGIN, COMMIT or ROLLBACK
 */
public record TransactionStatement(String text, StatementKind kind) implements Statement {

    public TransactionStatement {
        Objects.requireNonNull(text, "text");
        if (kind != StatementKind.BEGIN && kind != StatementKind.COMMIT && kind != StatementKind.ROLLBACK) {
            throw new IllegalArgumentException("not a transaction statement: " + kind);
        }
    }
}
