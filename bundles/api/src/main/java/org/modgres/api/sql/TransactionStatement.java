package org.modgres.api.sql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT}, {@code END} or {@code ROLLBACK}.
 *
 * @param kind  BEGIN, COMMIT or ROLLBACK
 * @param modes the transaction modes of BEGIN, as the settings {@code SET TRANSACTION} would
 *              change, in the order written: {@code transaction_isolation} ({@code read committed},
 *              {@code repeatable read}, {@code serializable} or {@code read uncommitted}),
 *              {@code transaction_read_only} and {@code transaction_deferrable} ({@code on} or
 *              {@code off}); empty for the other statements
 */
public record TransactionStatement(String text, StatementKind kind, Map<String, String> modes) implements Statement {

    public TransactionStatement {
        Objects.requireNonNull(text, "text");
        if (kind != StatementKind.BEGIN && kind != StatementKind.COMMIT && kind != StatementKind.ROLLBACK) {
            throw new IllegalArgumentException("not a transaction statement: " + kind);
        }
        modes = Collections.unmodifiableMap(new LinkedHashMap<>(modes));
    }

    /** A statement without transaction modes. */
    public TransactionStatement(String text, StatementKind kind) {
        this(text, kind, Map.of());
    }
}
