package org.modgres.session.impl;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * Requests that reach a backend from outside while it runs a statement: a CancelRequest from
 * another connection, a termination, or the statement's own timeout. They are acted on at the
 * next check, as PostgreSQL's CHECK_FOR_INTERRUPTS does; checking the clock there needs no
 * timer thread per statement.
 */
final class Interrupts {

    private static final long NO_DEADLINE = Long.MAX_VALUE;

    private volatile boolean cancelRequested;
    private volatile boolean terminateRequested;
    private long deadlineNanos = NO_DEADLINE;

    void requestCancel() {
        cancelRequested = true;
    }

    void requestTerminate() {
        terminateRequested = true;
    }

    boolean terminateRequested() {
        return terminateRequested;
    }

    /**
     * Marks the start of a statement: forgets a cancel that arrived while none was running and
     * sets the statement_timeout deadline (0 means none).
     */
    void startStatement(long timeoutMillis) {
        cancelRequested = false;
        deadlineNanos = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000 : NO_DEADLINE;
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
        if (deadlineNanos != NO_DEADLINE && System.nanoTime() - deadlineNanos > 0) {
            deadlineNanos = NO_DEADLINE;
            throw new PgException(SqlState.QUERY_CANCELED, "canceling statement due to statement timeout");
        }
    }
}
