package org.modgres.shmem.impl;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;

/**
 * A transaction over the in-memory tables. Changes are applied at once and recorded twice: in an
 * undo log that rollback replays backwards, and as redo records that commit appends to the journal
 * and waits to be durable. Nothing of a transaction reaches the log before it commits. Other
 * backends see uncommitted changes: isolation and row locks come with the MVCC storage.
 */
final class MemoryTransaction implements Transaction {

    private final long id;
    private final MemoryCatalog catalog;
    private final ActiveTransactions active;
    private final Journal journal;
    private final List<UndoEntry> undoLog = new ArrayList<>();
    private RedoWriter redo;
    private boolean registered;
    private boolean ended;

    MemoryTransaction(long id, MemoryCatalog catalog, ActiveTransactions active, Journal journal) {
        this.id = id;
        this.catalog = catalog;
        this.active = active;
        this.journal = journal;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public TableAccess table(String schema, String name) {
        checkActive();
        return new MemoryTableAccess(catalog.lookup(schema, name), this);
    }

    @Override
    public TableInfo createTable(TableDefinition definition) {
        checkActive();
        return change(() -> {
            MemoryTable table = catalog.create(definition);
            undoLog.add(new UndoEntry.TableCreated(active.nextSequence(), table));
            if (redo != null) {
                redo.createTable(table.info());
            }
            return table.info();
        });
    }

    @Override
    public void dropTable(String schema, String name) {
        checkActive();
        change(() -> {
            MemoryTable table = catalog.drop(schema, name);
            undoLog.add(new UndoEntry.TableDropped(active.nextSequence(), table));
            if (redo != null) {
                redo.dropTable(table.oid());
            }
            return null;
        });
    }

    void insert(MemoryTable table, Object[] row) {
        checkActive();
        change(() -> {
            long rowId = table.insert(row);
            undoLog.add(new UndoEntry.RowInserted(active.nextSequence(), table, rowId));
            if (redo != null) {
                redo.insert(table, rowId, row);
            }
            return null;
        });
    }

    void update(MemoryTable table, long rowId, Object[] newRow) {
        checkActive();
        change(() -> {
            Object[] old = table.update(rowId, newRow);
            if (old != null) {
                undoLog.add(new UndoEntry.RowUpdated(active.nextSequence(), table, rowId, old));
                if (redo != null) {
                    redo.update(table, rowId, newRow);
                }
            }
            return null;
        });
    }

    boolean delete(MemoryTable table, long rowId) {
        checkActive();
        return change(() -> {
            Object[] old = table.delete(rowId);
            if (old == null) {
                return false;
            }
            undoLog.add(new UndoEntry.RowDeleted(active.nextSequence(), table, rowId, old));
            if (redo != null) {
                redo.delete(table, rowId);
            }
            return true;
        });
    }

    @Override
    public void commit() {
        checkActive();
        ended = true;
        if (!registered) {
            return;
        }
        long end;
        try {
            end = logAndForget();
        } catch (RuntimeException e) {
            undoAll();
            throw e;
        }
        journal.awaitDurable(end);
    }

    /**
     * Appends the records and leaves the active transactions in one step, so that a checkpoint sees
     * the transaction either active (and undoes it in its copy) or in the log before its position.
     */
    private long logAndForget() {
        Lock lock = active.changeLock();
        lock.lock();
        try {
            // nothing to log when every change the transaction tried failed (a duplicate key, say)
            long end = redo == null || undoLog.isEmpty() ? 0
                    : journal.append(redo.commit(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now())));
            active.unregister(this);
            undoLog.clear();
            return end;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void rollback() {
        if (ended) {
            return;
        }
        ended = true;
        undoAll();
    }

    /** Returns the undo entries; only for a checkpoint, which reads them while no change can happen. */
    List<UndoEntry> undoLog() {
        return undoLog;
    }

    void checkActive() {
        if (ended) {
            throw new PgException(SqlState.INVALID_TRANSACTION_STATE, "transaction " + id + " has ended");
        }
    }

    private <T> T change(Supplier<T> action) {
        Lock lock = active.changeLock();
        lock.lock();
        try {
            if (!registered) {
                active.register(this);
                registered = true;
                if (journal.records()) {
                    redo = new RedoWriter(id);
                }
            }
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Undoes the changes latest first, one at a time, so that a checkpoint can slip in between. */
    private void undoAll() {
        Lock lock = active.changeLock();
        for (int i = undoLog.size() - 1; i >= 0; i--) {
            lock.lock();
            try {
                undoLog.remove(i).undo(catalog);
            } finally {
                lock.unlock();
            }
        }
        lock.lock();
        try {
            active.unregister(this);
        } finally {
            lock.unlock();
        }
        redo = null;
    }
}
