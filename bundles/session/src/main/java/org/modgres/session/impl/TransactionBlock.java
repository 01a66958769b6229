package org.modgres.session.impl;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.Transaction;

/**
 * A backend's transaction state, following PostgreSQL's rules: statements outside BEGIN run in
 * an implicit transaction that ends with the Query message or at Sync; an error inside a block
 * makes it fail until ROLLBACK.
 */
final class TransactionBlock {

    /** The states a backend reports in ReadyForQuery. */
    enum State {
        /** No transaction block; an implicit transaction may be open for the current message. */
        IDLE('I'),
        /** Inside BEGIN ... COMMIT. */
        IN_BLOCK('T'),
        /** Inside a block that had an error: everything but ROLLBACK/COMMIT is refused. */
        FAILED('E');

        final char status;

        State(char status) {
            this.status = status;
        }
    }

    private final SharedStorage storage;
    private State state = State.IDLE;
    private Transaction transaction;
    private Runnable onEnd = () -> { };

    TransactionBlock(SharedStorage storage) {
        this.storage = storage;
    }

    /** Registers what must happen whenever a transaction ends (closing portals). */
    void onEnd(Runnable action) {
        this.onEnd = action;
    }

    State state() {
        return state;
    }

    /** Returns the transaction for the next statement, starting an implicit one when none is open. */
    Transaction current() {
        if (state == State.FAILED) {
            throw new PgException(SqlState.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
        if (transaction == null) {
            transaction = storage.begin();
        }
        return transaction;
    }

    /** BEGIN: returns false (and changes nothing) when a block is open already. */
    boolean begin() {
        if (state != State.IDLE) {
            return false;
        }
        current();
        state = State.IN_BLOCK;
        return true;
    }

    /**
     * COMMIT: returns the command tag, {@code ROLLBACK} when the block had failed, or null when
     * there was no block (the caller warns).
     */
    String commit() {
        return switch (state) {
            case IDLE -> null;
            case IN_BLOCK -> {
                end(true);
                yield "COMMIT";
            }
            case FAILED -> {
                end(false);
                yield "ROLLBACK";
            }
        };
    }

    /** ROLLBACK: returns false when there was no block (the caller warns). */
    boolean rollback() {
        if (state == State.IDLE) {
            return false;
        }
        end(false);
        return true;
    }

    /**
     * Ends the implicit transaction at the end of a Query message or at Sync. Portals end with it
     * even when no statement needed the storage (a Bind without Execute).
     */
    void endImplicit() {
        if (state == State.IDLE) {
            end(true);
        }
    }

    /** Records an error: an implicit transaction rolls back, a block fails. */
    void fail() {
        if (state == State.IDLE) {
            if (transaction != null) {
                end(false);
            }
        } else if (state == State.IN_BLOCK) {
            state = State.FAILED;
        }
    }

    /** Rolls back whatever is open, when the connection ends. */
    void abandon() {
        if (transaction != null) {
            end(false);
        }
    }

    private void end(boolean commit) {
        Transaction ending = transaction;
        transaction = null;
        state = State.IDLE;
        try {
            if (ending != null) {
                if (commit) {
                    ending.commit();
                } else {
                    ending.rollback();
                }
            }
        } finally {
            onEnd.run();
        }
    }
}
