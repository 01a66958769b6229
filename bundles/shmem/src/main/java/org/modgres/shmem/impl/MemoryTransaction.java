package org.modgres.shmem.impl;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ConcurrentUpdateException;
import org.modgres.api.storage.HeldTableLock;
import org.modgres.api.storage.IsolationLevel;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.TableLockMode;

/**
 * A transaction over the in-memory tables. Reads see versions through the transaction's snapshot;
 * changes write new versions at once and are recorded twice: in an undo log that rollback
 * replays backwards, and as redo records that commit appends to the journal and waits to be
 * durable before other transactions may see them. The row-level rules (who may change which
 * version, who waits for whom) are in {@link RowChanges}.
 */
final class MemoryTransaction extends TransactionDefinitions {

    /** The id of a transaction that has changed nothing yet, and so needs none. */
    static final long NO_XID = -1;

    private final MemoryCatalog catalog;
    private final ActiveTransactions active;
    private final TransactionTable transactions;
    private final Journal journal;
    private final IsolationLevel isolation;
    private final List<UndoEntry> undoLog = new ArrayList<>();
    private final Savepoints savepoints = new Savepoints();
    private final CountDownLatch end = new CountDownLatch(1);
    private final RowChanges rowChanges;
    private final SequenceChanges sequences;
    private final RoleChanges roles;
    private final TableDefinitionChanges definitions;
    private final ColumnChanges columns;
    private final TransactionLocks locks = new TransactionLocks();
    private final SchemaObjectChanges schemaObjects;
    private long xid = NO_XID;
    private Snapshot snapshot;
    private volatile long snapshotXmin = Long.MAX_VALUE;
    private volatile MemoryTransaction waitingFor;
    private volatile int lockReleases;
    private Runnable interruptCheck = () -> { };
    private RedoWriter redo;
    private boolean registered;
    private boolean ended;

    MemoryTransaction(IsolationLevel isolation, MemoryCatalog catalog, ActiveTransactions active,
                      TransactionTable transactions, Journal journal) {
        this.isolation = isolation;
        this.catalog = catalog;
        this.active = active;
        this.transactions = transactions;
        this.journal = journal;
        this.rowChanges = new RowChanges(this, transactions);
        this.sequences = new SequenceChanges(this, catalog, active, journal);
        this.roles = new RoleChanges(this, catalog, active);
        this.definitions = new TableDefinitionChanges(this, catalog, active, transactions);
        this.columns = new ColumnChanges(this, catalog, active, transactions);
        this.schemaObjects = new SchemaObjectChanges(this, catalog, active);
        transactions.opened(this);
    }

    @Override
    SequenceChanges sequenceChanges() {
        return sequences;
    }

    @Override
    SchemaObjectChanges schemaObjectChanges() {
        return schemaObjects;
    }

    @Override
    TableDefinitionChanges definitionChanges() {
        return definitions;
    }

    @Override
    ColumnChanges columnChanges() {
        return columns;
    }

    /** Returns the transaction's id, handing it one if it has none yet (as txid_current() does). */
    @Override
    public long id() {
        return ensureXid();
    }

    /** Returns the id, or {@link #NO_XID} when the transaction has changed nothing. */
    long xid() {
        return xid;
    }

    @Override
    public void checkWhileWaiting() {
        interruptCheck.run();
    }

    @Override
    public long assignedId() {
        long assigned = xid;
        return assigned == NO_XID ? 0 : assigned;
    }

    @Override
    public IsolationLevel isolation() {
        return isolation;
    }

    @Override
    public void startStatement() {
        checkActive();
        if (snapshot == null || isolation == IsolationLevel.READ_COMMITTED) {
            snapshot = transactions.snapshot(this);
        }
    }

    /** Returns the snapshot reads use now, taking the first one if no statement has started. */
    Snapshot snapshot() {
        if (snapshot == null) {
            startStatement();
        }
        return snapshot;
    }

    /** Returns a snapshot of what has committed now, for checks that must see past the statement's snapshot. */
    Snapshot latestSnapshot() {
        return transactions.snapshotNow();
    }

    void snapshotTaken(Snapshot taken) {
        snapshotXmin = taken.xmin();
    }

    long snapshotXmin() {
        return snapshotXmin;
    }

    @Override
    public void whileWaiting(Runnable check) {
        this.interruptCheck = check == null ? () -> { } : check;
    }

    Runnable interruptCheck() {
        return interruptCheck;
    }

    void waitingFor(MemoryTransaction holder) {
        waitingFor = holder;
    }

    MemoryTransaction waitingFor() {
        return waitingFor;
    }

    /** Waits up to {@code millis} for the transaction to end; returns whether it has. */
    boolean awaitEnd(long millis) {
        try {
            return end.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PgException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
        }
    }

    long ensureXid() {
        if (xid == NO_XID) {
            xid = transactions.assignXid(this);
        }
        return xid;
    }

    /** The error for a row that a transaction committed after this one's snapshot changed. */
    PgException concurrentUpdate() {
        return new ConcurrentUpdateException(isolation == IsolationLevel.READ_COMMITTED);
    }

    @Override
    public TableAccess table(String schema, String name) {
        checkActive();
        return new MemoryTableAccess(lockedTable(schema, name, TableLockMode.ACCESS_SHARE, false), this, catalog);
    }

    @Override
    public void lockTable(String schema, String name, TableLockMode mode, boolean nowait) {
        checkActive();
        lockedTable(schema, name, mode, nowait);
    }

    /**
     * Returns the table with this name once the transaction holds its lock in this mode. A table
     * dropped while the transaction waited is gone (42P01); one whose definition changed
     * meanwhile fails the statement with 40001, as it was planned for the old one.
     */
    MemoryTable lockedTable(String schema, String name, TableLockMode mode, boolean nowait) {
        MemoryTable table = catalog.lookup(schema, name);
        TableInfo planned = table.info();
        if (!lock(table, mode, nowait)) {
            return table;
        }
        MemoryTable now = catalog.lookup(schema, name);
        if (now.oid() != table.oid() || !now.info().equals(planned)) {
            throw new PgException(SqlState.SERIALIZATION_FAILURE,
                    "could not serialize access: relation \"" + name + "\" was changed by a concurrent transaction");
        }
        return now;
    }

    /** Takes a table's lock in this mode unless the transaction holds it; returns whether it had to wait. */
    boolean lock(MemoryTable table, TableLockMode mode, boolean nowait) {
        return locks.take(this, transactions.relationLocks(), table, mode, nowait);
    }

    /** Moves the transaction's fast-path locks of the table where a strong locker of it sees them. */
    void transferFastPathLocks(long oid) {
        locks.transferFastPath(this, transactions.relationLocks(), oid);
    }

    @Override
    public List<HeldTableLock> tableLocks() {
        return locks.list();
    }

    /** Takes, for a change of its definition, the lock of a table if it exists; a missing one is the change's to report. */
    @Override
    void lockForDefinition(String schema, String name, TableLockMode mode) {
        checkActive();
        MemoryTable table = catalog.find(schema, name);
        if (table != null) {
            lock(table, mode, false);
        }
    }

    @Override
    public Catalog catalog() {
        return catalog;
    }

    RowChanges rowChanges() {
        return rowChanges;
    }

    @Override
    public TableInfo createTable(TableDefinition definition) {
        checkActive();
        return change(() -> {
            MemoryTable table = catalog.create(definition);
            record(new UndoEntry.TableCreated(active.nextSequence(), table), log -> log.createTable(table.info()));
            return table.info();
        });
    }

    @Override
    public void dropTable(String schema, String name) {
        lockForDefinition(schema, name, TableLockMode.ACCESS_EXCLUSIVE);
        if (catalog.sequences().find(schema, name) != null) {
            throw SequenceChanges.notA(name, "table", "DROP SEQUENCE", "sequence");
        }
        change(() -> {
            MemoryTable table = catalog.drop(schema, name);
            record(new UndoEntry.TableDropped(active.nextSequence(), table), log -> log.dropTable(table.oid()));
            sequences.dropOwnedBy(schema, name);
            return null;
        });
    }

    /** Records a change made by a helper: its undo entry and, when the transaction logs, its redo record. */
    void record(UndoEntry entry, Consumer<RedoWriter> redoRecord) {
        undoLog.add(entry);
        if (redo != null) {
            redoRecord.accept(redo);
        }
    }

    @Override
    public void truncate(String schema, String name) {
        checkActive();
        MemoryTable table = lockedTable(schema, name, TableLockMode.ACCESS_EXCLUSIVE, false);
        rowChanges.deleteVisible(table, snapshot(), ensureXid());
    }

    /** The role and privilege changes of this transaction. */
    @Override
    RoleChanges roles() {
        checkActive();
        return roles;
    }

    /** Records a row lock of FOR UPDATE, which the transaction gives back when it ends. */
    void lockedRow(RowVersion version) {
        locks.lockedRow(version);
    }

    /** Records a shared row lock (FOR SHARE, a foreign-key check), which the transaction gives back when it ends. */
    void sharedRowLock(RowVersion version) {
        locks.sharedRowLock(version);
    }

    /** Records an inserted row; call inside {@link #change}. */
    void inserted(MemoryTable table, long rowId, Object[] row) {
        undoLog.add(new UndoEntry.RowInserted(active.nextSequence(), table, rowId));
        if (redo != null) {
            redo.insert(table, rowId, row);
        }
    }

    /** Records an updated row; call inside {@link #change}. */
    void updated(MemoryTable table, long rowId, RowVersion replacing, RowVersion previous, Object[] newRow) {
        undoLog.add(new UndoEntry.RowUpdated(active.nextSequence(), table, rowId, replacing, previous));
        if (redo != null) {
            redo.update(table, rowId, newRow);
        }
    }

    /** Records a deleted row; call inside {@link #change}. */
    void deleted(MemoryTable table, long rowId, RowVersion version) {
        undoLog.add(new UndoEntry.RowDeleted(active.nextSequence(), table, rowId, version));
        if (redo != null) {
            redo.delete(table, rowId);
        }
    }

    @Override
    public long savepoint() {
        checkActive();
        return savepoints.set(new Savepoints.Mark(undoLog.size(), redo == null ? 0 : redo.mark(), locks.mark()));
    }

    @Override
    public void rollbackTo(long savepoint) {
        checkActive();
        Savepoints.Mark mark = savepoints.rollbackTarget(savepoint, undoLog.size());
        undoBackTo(mark.undoEntries());
        if (redo != null) {
            redo.rewind(mark.redoMark());
        }
        if (locks.rollbackTo(mark.locks(), this, xid, transactions)) {
            lockReleases++;
        }
    }

    /** How many times the transaction gave back locks before its end; who waits for it looks again when this moves. */
    int lockReleases() {
        return lockReleases;
    }

    @Override
    public void releaseSavepoint(long savepoint) {
        checkActive();
        savepoints.release(savepoint);
    }

    @Override
    public void commit() {
        checkActive();
        ended = true;
        try {
            if (registered) {
                long position;
                try {
                    position = logAndForget();
                } catch (RuntimeException e) {
                    undoAll();
                    throw e;
                }
                journal.awaitDurable(position);
            }
        } finally {
            finish();
        }
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
            if (redo != null) {
                SequenceChanges.logCreatedValues(undoLog, redo);
            }
            long position = redo == null || undoLog.isEmpty() ? 0
                    : redo.commitTo(journal, ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()));
            active.unregister(this);
            catalog.heaps().committed(undoLog);
            undoLog.clear();
            return position;
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
        try {
            undoAll();
        } finally {
            finish();
        }
    }

    /** Ends the transaction for the others: its versions count as committed (or are gone), waiters wake. */
    private void finish() {
        locks.releaseAll(this, xid, transactions);
        transactions.ended(this, xid);
        snapshotXmin = Long.MAX_VALUE;
        end.countDown();
    }

    /** Returns the undo entries; only for a checkpoint, which reads them while no change can happen. */
    List<UndoEntry> undoLog() {
        return undoLog;
    }

    @Override
    void checkActive() {
        if (ended) {
            throw new PgException(SqlState.INVALID_TRANSACTION_STATE, "transaction " + xid + " has ended");
        }
    }

    /** Runs one change under the shared side of the checkpoint gate, registering the transaction first. */
    <T> T change(Supplier<T> action) {
        Lock lock = active.changeLock();
        lock.lock();
        try {
            register();
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Takes part in checkpoints and, when the server logs, starts this transaction's redo records. */
    void register() {
        if (!registered) {
            ensureXid();
            active.register(this);
            registered = true;
            if (journal.records()) {
                redo = new RedoWriter(xid, journal.spillDirectory());
            }
        }
    }

    /**
     * Undoes the changes after the first {@code kept}, latest first, one at a time, so that a
     * checkpoint can slip in between.
     */
    private void undoBackTo(int kept) {
        Lock lock = active.changeLock();
        for (int i = undoLog.size() - 1; i >= kept; i--) {
            lock.lock();
            try {
                undoLog.remove(i).undo(catalog);
            } finally {
                lock.unlock();
            }
        }
    }

    /** Undoes every change and leaves the transactions a checkpoint must take back. */
    private void undoAll() {
        undoBackTo(0);
        Lock lock = active.changeLock();
        lock.lock();
        try {
            active.unregister(this);
        } finally {
            lock.unlock();
        }
        if (redo != null) {
            redo.discard();
        }
        redo = null;
    }
}
