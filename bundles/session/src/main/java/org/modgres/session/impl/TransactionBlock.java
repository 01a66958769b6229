package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.List;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.HeldTableLock;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.Transaction;

/**
 * A backend's transaction state, following PostgreSQL's rules: statements outside BEGIN run in
 * an implicit transaction that ends with the Query message or at Sync; an error inside a block
 * makes it fail until ROLLBACK, or until ROLLBACK TO a savepoint set before the error.
 *
 * <p>The storage transaction starts with the first statement that reads or writes tables, as
 * PostgreSQL takes its first snapshot there: until then SET TRANSACTION may still choose the
 * isolation level it starts with.
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

    /**
     * Session state that belongs to the transaction that changed it, as PostgreSQL's GUC stack
     * keeps SET ROLE: a rollback takes the change back, and so does a rollback to a savepoint
     * set before it.
     */
    interface TransactionalSetting {
        /** Returns the state to go back to when the transaction rolls back to a savepoint set now. */
        Object savepoint();

        /** Goes back to the state {@link #savepoint()} returned. */
        void rollbackTo(Object savepoint);

        /** Keeps or takes back the transaction's changes as it ends. */
        void transactionEnded(boolean committed);
    }

    /**
     * A savepoint: its name and the storage's mark of the changes made before it, or
     * {@link #BEFORE_ANY_CHANGE} when the storage transaction had not started yet.
     */
    private static final class Savepoint {
        final String name;
        long mark;
        /** The state of the transactional setting when the savepoint was set. */
        Object setting;

        Savepoint(String name, long mark) {
            this.name = name;
            this.mark = mark;
        }
    }

    private static final long BEFORE_ANY_CHANGE = Long.MIN_VALUE;

    private final SharedStorage storage;
    private final SessionSettings settings;
    private final Interrupts interrupts;
    private final List<Savepoint> savepoints = new ArrayList<>();
    private State state = State.IDLE;
    /** Volatile because pg_stat_activity and pg_locks read its id from other backends' threads. */
    private volatile Transaction transaction;
    /** True while a simple Query message of several statements runs: PostgreSQL's implicit block. */
    private boolean multiStatementQuery;
    private Runnable onEnd = () -> { };
    private TransactionalSetting setting;

    TransactionBlock(SharedStorage storage, SessionSettings settings, Interrupts interrupts) {
        this.storage = storage;
        this.settings = settings;
        this.interrupts = interrupts;
    }

    /** Registers what must happen whenever a transaction ends (closing portals). */
    void onEnd(Runnable action) {
        this.onEnd = action;
    }

    /** Registers the session state that ends with transactions (the backend's roles). */
    void transactional(TransactionalSetting transactional) {
        this.setting = transactional;
    }

    State state() {
        return state;
    }

    /** Marks the statements of a simple Query message of several statements, which run as one block. */
    void multiStatementQuery(boolean several) {
        this.multiStatementQuery = several;
    }

    /**
     * Returns whether statements run inside a block, explicit or the implicit one of a Query
     * message holding several statements: VACUUM refuses to run there, and SET TRANSACTION warns
     * outside.
     */
    boolean inBlock() {
        return state != State.IDLE || multiStatementQuery;
    }

    /** Returns whether the transaction has read or written tables already (PostgreSQL's first snapshot). */
    boolean started() {
        return transaction != null;
    }

    /** Returns the id of the open transaction if it has one, else 0; safe from any thread. */
    long assignedTransactionId() {
        Transaction open = transaction;
        return open == null ? 0 : open.assignedId();
    }

    /** Returns the table locks of the open transaction; safe from any thread. */
    List<HeldTableLock> tableLocks() {
        Transaction open = transaction;
        return open == null ? List.of() : open.tableLocks();
    }

    /** Returns whether a savepoint is set: PostgreSQL's subtransaction. */
    boolean inSavepoint() {
        return !savepoints.isEmpty();
    }

    /** Returns the transaction for the next statement, starting an implicit one when none is open. */
    Transaction current() {
        if (state == State.FAILED) {
            throw new PgException(SqlState.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
        if (transaction == null) {
            transaction = storage.begin(settings.isolation());
            transaction.whileWaiting(interrupts::check);
            if (!savepoints.isEmpty()) {
                long start = transaction.savepoint();
                for (Savepoint savepoint : savepoints) {
                    savepoint.mark = start;
                }
            }
        }
        return transaction;
    }

    /**
     * Returns the transaction a statement runs in, with the statement's snapshot taken: a new
     * one for each statement under READ COMMITTED, the first one under REPEATABLE READ.
     */
    Transaction startStatement() {
        Transaction current = current();
        current.startStatement();
        return current;
    }

    /**
     * Refuses a statement that writes when the transaction is READ ONLY.
     *
     * @param command the command's name as PostgreSQL's message has it, e.g. {@code INSERT}
     */
    void checkWritable(String command) {
        if (settings.readOnly()) {
            throw new PgException(SqlState.READ_ONLY_SQL_TRANSACTION,
                    "cannot execute " + command + " in a read-only transaction");
        }
    }

    /** BEGIN: returns false (and changes nothing) when a block is open already. */
    boolean begin() {
        if (state != State.IDLE) {
            return false;
        }
        state = State.IN_BLOCK;
        return true;
    }

    /**
     * Changes a characteristic of the current transaction (SET TRANSACTION, BEGIN's modes), with
     * PostgreSQL's checks: the isolation level and READ WRITE only before the first query, and
     * neither inside a savepoint.
     *
     * @param name  transaction_isolation, transaction_read_only or transaction_deferrable
     * @param value the new value, or null for the session default
     */
    void setCharacteristic(String name, String value) {
        String newValue = value == null ? settings.get("default_" + name) : settings.validate(name, value);
        boolean changes = !newValue.equals(settings.get(name));
        switch (name) {
            case "transaction_isolation" -> {
                if (changes && started()) {
                    throw activeTransaction("SET TRANSACTION ISOLATION LEVEL must be called before any query");
                }
                if (changes && inSavepoint()) {
                    throw activeTransaction("SET TRANSACTION ISOLATION LEVEL must not be called in a subtransaction");
                }
            }
            case "transaction_read_only" -> {
                if (changes && newValue.equals("off") && started()) {
                    throw activeTransaction("transaction read-write mode must be set before any query");
                }
            }
            default -> {
                if (inSavepoint()) {
                    throw activeTransaction("SET TRANSACTION [NOT] DEFERRABLE cannot be called within a subtransaction");
                }
                if (started()) {
                    throw activeTransaction("SET TRANSACTION [NOT] DEFERRABLE must be called before any query");
                }
            }
        }
        settings.set(name, newValue);
    }

    /** SAVEPOINT: the savepoints form a stack, and a name may be used again; the latest one counts. */
    void savepoint(String name) {
        requireBlock("SAVEPOINT");
        Savepoint savepoint = new Savepoint(name, transaction == null ? BEFORE_ANY_CHANGE : transaction.savepoint());
        savepoint.setting = setting == null ? null : setting.savepoint();
        savepoints.add(savepoint);
    }

    /** RELEASE SAVEPOINT: forgets the savepoint and those set after it, keeping their changes. */
    void release(String name) {
        requireBlock("RELEASE SAVEPOINT");
        int index = find(name);
        savepoints.subList(index, savepoints.size()).clear();
    }

    /**
     * ROLLBACK TO SAVEPOINT: undoes what was changed after the savepoint and forgets the
     * savepoints set after it, but keeps this one; a failed block becomes usable again.
     */
    void rollbackTo(String name) {
        requireBlock("ROLLBACK TO SAVEPOINT");
        int index = find(name);
        Savepoint savepoint = savepoints.get(index);
        savepoints.subList(index + 1, savepoints.size()).clear();
        // once the storage transaction has started, every savepoint has a mark of it
        if (transaction != null) {
            transaction.rollbackTo(savepoint.mark);
            savepoint.mark = transaction.savepoint();
        }
        if (setting != null) {
            setting.rollbackTo(savepoint.setting);
        }
        state = State.IN_BLOCK;
    }

    private void requireBlock(String command) {
        if (state == State.IDLE) {
            throw new PgException(SqlState.NO_ACTIVE_SQL_TRANSACTION,
                    command + " can only be used in transaction blocks");
        }
    }

    private int find(String name) {
        for (int i = savepoints.size() - 1; i >= 0; i--) {
            if (savepoints.get(i).name.equals(name)) {
                return i;
            }
        }
        throw new PgException(SqlState.INVALID_SAVEPOINT_SPECIFICATION, "savepoint \"" + name + "\" does not exist");
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
            end(false);
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
        savepoints.clear();
        settings.resetTransactionCharacteristics();
        boolean committed = false;
        try {
            if (ending != null) {
                if (commit) {
                    ending.commit();
                } else {
                    ending.rollback();
                }
            }
            committed = commit;
        } finally {
            if (setting != null) {
                setting.transactionEnded(committed);
            }
            onEnd.run();
        }
    }

    private static PgException activeTransaction(String message) {
        return new PgException(SqlState.ACTIVE_SQL_TRANSACTION, message);
    }
}
