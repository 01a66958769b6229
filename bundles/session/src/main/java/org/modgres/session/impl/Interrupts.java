package org.modgres.session.impl;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * Requests that reach a backend from outside while it runs a statement: a CancelRequest from
 * another connection, or a termination. They are acted on at the next check, as PostgreSQL's
 * CHECK_FOR_INTERRUPTS does.
 */
final class Interrupts {

    private volatile boolean cancelRequested;
    private volatile boolean terminateRequested;

    void requestCancel() {
        cancelRequested = true;
    }

    void requestTerminate() {
        terminateRequested = true;
    }

    boolean terminateRequested() {
        return terminateRequested;
    }

    /** Forgets a cancel that arrived while no statement was running. */
    void clearCancel() {
        cancelRequested = false;
    }

    void check() {
        if (terminateRequested) {
            throw new PgException(SqlState.ADMIN_SHUTDOWN, org.modgres.api.error.Severity.FATAL,
                    "terminating connection due to administrator command", null, null, 0, null);
        }
        if (cancelRequested) {
            cancelRequested = false;
            throw new PgException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
        }
    }
}
