package org.modgres.api.storage;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * Thrown when a statement tries to change a row that a transaction committed after the
 * statement's snapshot was taken. Under READ COMMITTED the statement is {@linkplain #restartable()
 * restartable}: its executor takes back what the statement changed, takes a new snapshot and runs
 * it again, as PostgreSQL re-evaluates a changed row. Under REPEATABLE READ and SERIALIZABLE it is
 * the error the client sees (40001).
 */
public class ConcurrentUpdateException extends PgException {

    private static final long serialVersionUID = 1L;

    private final boolean restartable;

    public ConcurrentUpdateException(boolean restartable) {
        super(SqlState.SERIALIZATION_FAILURE, "could not serialize access due to concurrent update");
        this.restartable = restartable;
    }

    /** Whether the statement may run again with a new snapshot instead of failing. */
    public boolean restartable() {
        return restartable;
    }
}
