package org.modgres.api.storage;

import java.util.Locale;
import java.util.Optional;

/** The transaction isolation levels, with the names PostgreSQL's SQL uses for them. */
public enum IsolationLevel {
    /** Every statement sees the data committed before it started (PostgreSQL's default). */
    READ_COMMITTED("read committed"),
    /** Every statement sees the data committed before the transaction's first statement. */
    REPEATABLE_READ("repeatable read"),
    /** As REPEATABLE READ, and the transactions behave as if they ran one after another. */
    SERIALIZABLE("serializable");

    private final String sqlName;

    IsolationLevel(String sqlName) {
        this.sqlName = sqlName;
    }

    /** Returns the level as {@code SHOW transaction_isolation} prints it. */
    public String sqlName() {
        return sqlName;
    }

    /**
     * Returns the level a name in SQL stands for, in any case and spacing; {@code read uncommitted}
     * is READ COMMITTED, as in PostgreSQL.
     */
    public static Optional<IsolationLevel> fromSqlName(String name) {
        String normalized = name.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ");
        if (normalized.equals("read uncommitted")) {
            return Optional.of(READ_COMMITTED);
        }
        for (IsolationLevel level : values()) {
            if (level.sqlName.equals(normalized)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
