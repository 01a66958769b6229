package org.modgres.shmem.impl;

import java.util.function.Function;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.RowLockWait;

/**
 * The rules by which a transaction inserts, updates and deletes rows among concurrent ones, as
 * PostgreSQL's heap does: a transaction changes only the newest version of a row and only when its
 * snapshot sees that version; a version another running transaction changed is waited for; one a
 * transaction committed after the snapshot changed is a {@link org.modgres.api.storage.ConcurrentUpdateException}.
 * The xmax of the newest version is the row lock: set by a compare-and-set, so one writer wins.
 */
final class RowChanges {

    /** What the newest version of a row means for a writer. */
    private enum Verdict { CHANGE, GONE, WAIT, CONFLICT }

    private final MemoryTransaction transaction;
    private final TransactionTable transactions;

    RowChanges(MemoryTransaction transaction, TransactionTable transactions) {
        this.transaction = transaction;
        this.transactions = transactions;
    }

    /** Inserts a row the caller no longer changes, waiting for a running transaction that holds its key. */
    void insert(MemoryTable table, Object[] row) {
        transaction.checkActive();
        awaitRewrite(table);
        table.check(row);
        long self = transaction.ensureXid();
        while (true) {
            KeyIndex.Conflict conflict = transaction.change(() -> {
                long rowId = table.allocateRowId();
                // installed before it is indexed, so that a concurrent inserter of the key finds its version
                table.install(rowId, new RowVersion(table.rows().heap(), row, self, null));
                for (KeyIndex index : table.keyIndexes()) {
                    KeyIndex.Conflict found = index.add(index.keyOf(row), rowId, self, table::newest,
                            transactions);
                    if (found != null) {
                        // takes the row out of the indexes it already entered, too
                        table.remove(rowId);
                        return found;
                    }
                }
                transaction.inserted(table, rowId, row);
                return null;
            });
            if (conflict == null) {
                return;
            }
            if (conflict.duplicate()) {
                throw table.duplicateKey(conflict.index(), conflict.index().keyOf(row));
            }
            transactions.awaitEnd(transaction, conflict.waitFor());
        }
    }

    /** Replaces a row with one the caller no longer changes; returns false when the row is gone. */
    boolean update(MemoryTable table, long rowId, Object[] newRow) {
        transaction.checkActive();
        awaitRewrite(table);
        table.check(newRow);
        long self = transaction.ensureXid();
        return changeNewest(table, rowId, newRow, newest -> {
            long holder = take(newest, self, self);
            if (holder != SharedRowLocks.TAKEN) {
                return KeyIndex.Conflict.waitFor(holder);
            }
            RowVersion replacing = new RowVersion(table.rows().heap(), newRow, self, newest);
            // installed before the new key is indexed, as for an insert
            table.install(rowId, replacing);
            KeyIndex[] indexes = table.keyIndexes();
            Object[] oldRow = indexes.length == 0 ? null : newest.values();
            for (KeyIndex index : indexes) {
                RowKey newKey = index.keyOf(newRow);
                if (!newKey.equals(index.keyOf(oldRow))) {
                    KeyIndex.Conflict found = index.add(newKey, rowId, self, table::newest, transactions);
                    if (found != null) {
                        // takes the new keys out of the indexes they already entered, too
                        table.restore(rowId, replacing, newest);
                        return found;
                    }
                }
            }
            table.pruneOlder(newest, oldRow, transactions.knownHorizon());
            transaction.updated(table, rowId, replacing, newest, newRow);
            return null;
        });
    }

    /** Deletes every row the snapshot sees, as TRUNCATE does in this transaction. */
    void deleteVisible(MemoryTable table, Snapshot reading, long self) {
        for (RowStore.Cursor row = table.rows().cursor(); row.next(); ) {
            if (reading.visible(row.version(), self) != null) {
                delete(table, row.id());
            }
        }
    }

    /** Deletes a row; returns false when it is gone. */
    boolean delete(MemoryTable table, long rowId) {
        transaction.checkActive();
        awaitRewrite(table);
        long self = transaction.ensureXid();
        return changeNewest(table, rowId, null, newest -> {
            long holder = take(newest, self, self);
            if (holder != SharedRowLocks.TAKEN) {
                return KeyIndex.Conflict.waitFor(holder);
            }
            table.changed();
            transaction.deleted(table, rowId, newest);
            return null;
        });
    }

    /**
     * Waits while another transaction that rewrote the table's rows (a column added or dropped)
     * runs, as PostgreSQL's writers wait for ALTER TABLE's lock.
     */
    private void awaitRewrite(MemoryTable table) {
        long rewriter = table.rewrittenBy();
        while (rewriter != RowVersion.NONE && rewriter != transaction.xid() && transactions.isRunning(rewriter)) {
            transactions.awaitEnd(transaction, rewriter);
        }
    }

    /**
     * Applies a change to the newest version of a row once the transaction may: waiting for a
     * running holder, failing on a version committed after the snapshot. The change runs under the
     * checkpoint gate and returns null when done, else whom to wait for or a duplicate key (of
     * {@code newRow}). Returns false when the row is gone for this transaction.
     */
    private boolean changeNewest(MemoryTable table, long rowId, Object[] newRow,
                                 Function<RowVersion, KeyIndex.Conflict> change) {
        long self = transaction.xid();
        Snapshot snapshot = transaction.snapshot();
        while (true) {
            RowVersion newest = table.newest(rowId);
            switch (judge(newest, snapshot, self)) {
                case GONE -> {
                    return false;
                }
                case CONFLICT -> throw transaction.concurrentUpdate();
                case WAIT -> {
                    transactions.awaitEnd(transaction, holder(newest));
                    continue;
                }
                case CHANGE -> { }
            }
            KeyIndex.Conflict conflict = transaction.change(() -> change.apply(newest));
            if (conflict == null) {
                return true;
            }
            if (conflict.duplicate()) {
                throw table.duplicateKey(conflict.index(), conflict.index().keyOf(newRow));
            }
            transactions.awaitEnd(transaction, conflict.waitFor());
        }
    }

    /** Decides what a writer whose snapshot is {@code snapshot} may do with the newest version of a row. */
    private Verdict judge(RowVersion newest, Snapshot snapshot, long self) {
        if (newest == null) {
            return Verdict.GONE;
        }
        long xmax = newest.xmax();
        if (xmax == self) {
            // this transaction deleted the row already
            return Verdict.GONE;
        }
        if (xmax != RowVersion.NONE) {
            if (transactions.isRunning(xmax)) {
                return Verdict.WAIT;
            }
            // a committed delete: invisible rows are not changed; one the snapshot did not see is a conflict
            return snapshot.sees(xmax, self) ? Verdict.GONE : Verdict.CONFLICT;
        }
        if (!snapshot.sees(newest.xmin, self)) {
            return transactions.isRunning(newest.xmin) ? Verdict.WAIT : Verdict.CONFLICT;
        }
        return Verdict.CHANGE;
    }

    /**
     * Locks the newest version of a row for SELECT ... FOR UPDATE ({@code shared} false) or FOR
     * SHARE: waits for a running transaction that changed it or holds a lock that conflicts, or
     * refuses (NOWAIT) or passes (SKIP LOCKED) as asked.
     */
    RowLock lock(MemoryTable table, long rowId, RowLockWait wait, boolean shared) {
        transaction.checkActive();
        long self = transaction.ensureXid();
        Snapshot snapshot = transaction.snapshot();
        while (true) {
            RowVersion newest = table.newest(rowId);
            long holder;
            switch (judge(newest, snapshot, self)) {
                case GONE -> {
                    return RowLock.GONE;
                }
                case CONFLICT -> throw transaction.concurrentUpdate();
                case WAIT -> holder = holder(newest);
                default -> {
                    if (newest.locker() == self) {
                        return RowLock.LOCKED;
                    }
                    holder = shared ? share(newest, self) : take(newest, self, -self);
                    if (holder == SharedRowLocks.TAKEN) {
                        return RowLock.LOCKED;
                    }
                    if (holder == RowVersion.NONE) {
                        continue;
                    }
                }
            }
            switch (wait) {
                case NOWAIT -> throw new PgException(SqlState.LOCK_NOT_AVAILABLE,
                        "could not obtain lock on row in relation \"" + table.info().name() + "\"");
                case SKIP_LOCKED -> {
                    return RowLock.SKIPPED;
                }
                case WAIT -> transactions.awaitEnd(transaction, holder);
            }
        }
    }

    /**
     * Takes the newest version of a row for this transaction, to change it ({@code xmax} its id)
     * or lock it exclusively ({@code xmax} the negated id). Returns {@link SharedRowLocks#TAKEN}, else
     * the transaction to wait for before looking again ({@link RowVersion#NONE}: look again at once).
     */
    private long take(RowVersion newest, long self, long xmax) {
        if (xmax > 0 ? newest.claim(self) : newest.lock(self)) {
            if (xmax < 0) {
                transaction.lockedRow(newest);
            }
            return SharedRowLocks.TAKEN;
        }
        if (newest.isShared()) {
            long holder = transactions.sharedLocks().takeOver(newest, self, xmax, transactions);
            if (holder == SharedRowLocks.TAKEN && xmax < 0) {
                transaction.lockedRow(newest);
            }
            return holder;
        }
        return holderOfClaim(newest);
    }

    /** Adds this transaction to the holders of a version's shared lock; returns as {@link #take} does. */
    private long share(RowVersion newest, long self) {
        long outcome = transactions.sharedLocks().share(newest, self);
        if (outcome == SharedRowLocks.TAKEN) {
            transaction.sharedRowLock(newest);
        }
        return outcome == SharedRowLocks.HELD_EXCLUSIVELY ? holderOfClaim(newest) : outcome;
    }

    /**
     * Returns whom a transaction whose claim of the version failed waits for: the holder of its
     * lock or the one changing it. A lock left by a transaction that ended is taken off first.
     */
    private long holderOfClaim(RowVersion newest) {
        long locker = newest.locker();
        if (locker != RowVersion.NONE && !transactions.isRunning(locker)) {
            newest.unlock(locker);
        }
        return locker != RowVersion.NONE ? locker : newest.xmax();
    }

    /** The transaction a writer must wait for: the one that deleted the version, or else the one that wrote it. */
    private static long holder(RowVersion newest) {
        long xmax = newest.xmax();
        return xmax != RowVersion.NONE ? xmax : newest.xmin;
    }
}
