package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.modgres.api.storage.HeldTableLock;
import org.modgres.api.storage.TableLockMode;

/**
 * The locks one transaction holds until it ends: its row locks (FOR UPDATE in the versions' xmax,
 * shared ones in {@link SharedRowLocks}) and its table locks, which it asks {@link RelationLocks}
 * for only once per table and mode and which pg_locks reads from other backends' threads, with
 * the one it waits for.
 */
final class TransactionLocks {

    /** The row versions locked with FOR UPDATE; only the transaction's own thread adds to them. */
    private final List<RowVersion> rows = new ArrayList<>();
    private final List<RowVersion> sharedRows = new ArrayList<>();

    /**
     * The tables locked, with the modes held on each as bit sets of {@link TableLockMode}
     * ordinals, and which of them are only recorded here (PostgreSQL's fast path: a weak lock of a
     * table nobody holds or wants strongly is nobody else's business until someone does). Guarded
     * by this object, as a strong locker moves the fast ones into {@link RelationLocks} from its
     * own thread, and pg_locks reads them.
     */
    private long[] oids = new long[4];
    private int[] modes = new int[4];
    private int[] fastModes = new int[4];
    private int tables;
    private volatile HeldTableLock awaited;

    /** Records a row lock of FOR UPDATE. */
    void lockedRow(RowVersion version) {
        rows.add(version);
    }

    /** Records a shared row lock (FOR SHARE, a foreign-key check). */
    void sharedRowLock(RowVersion version) {
        sharedRows.add(version);
    }

    /** Takes a table's lock in this mode unless the transaction holds it; returns whether it had to wait. */
    boolean take(MemoryTransaction transaction, RelationLocks locks, MemoryTable table, TableLockMode mode,
                 boolean nowait) {
        int bit = 1 << mode.ordinal();
        long oid = table.oid();
        boolean firstStrong;
        synchronized (this) {
            int at = indexOf(oid);
            int held = at < 0 ? 0 : modes[at];
            if ((held & bit) != 0) {
                return false;
            }
            if (RelationLocks.isWeak(mode) && locks.noStrongLock(oid)) {
                at = slot(oid);
                modes[at] |= bit;
                fastModes[at] |= bit;
                return false;
            }
            firstStrong = !RelationLocks.isWeak(mode) && (held & RelationLocks.STRONG_MODES) == 0;
        }
        awaited = new HeldTableLock(oid, mode, false);
        boolean waited;
        try {
            waited = locks.acquire(transaction, oid, table.info().name(), mode, nowait, firstStrong);
        } finally {
            awaited = null;
        }
        synchronized (this) {
            modes[slot(oid)] |= bit;
        }
        return waited;
    }

    /**
     * Moves the transaction's fast-path locks of a table into the shared lock table, where a
     * strong locker of the table sees them.
     */
    synchronized void transferFastPath(MemoryTransaction transaction, RelationLocks locks, long oid) {
        int at = indexOf(oid);
        if (at >= 0 && fastModes[at] != 0) {
            locks.grantTransferred(transaction, oid, fastModes[at]);
            fastModes[at] = 0;
        }
    }

    private int indexOf(long oid) {
        for (int i = 0; i < tables; i++) {
            if (oids[i] == oid) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the entry of a table, adding an empty one if there is none. */
    private int slot(long oid) {
        int at = indexOf(oid);
        if (at >= 0) {
            return at;
        }
        if (tables == oids.length) {
            oids = Arrays.copyOf(oids, tables * 2);
            modes = Arrays.copyOf(modes, tables * 2);
            fastModes = Arrays.copyOf(fastModes, tables * 2);
        }
        oids[tables] = oid;
        modes[tables] = 0;
        fastModes[tables] = 0;
        return tables++;
    }

    /** The locks held when a savepoint was set. */
    record Mark(int rows, int sharedRows, long[] oids, int[] modes) {
    }

    /** Returns what is held now, for a savepoint. */
    synchronized Mark mark() {
        return new Mark(rows.size(), sharedRows.size(), Arrays.copyOf(oids, tables), Arrays.copyOf(modes, tables));
    }

    /**
     * Gives back the locks taken since the mark, as PostgreSQL does when it rolls back to a
     * savepoint: a row locked exclusively since then goes back to unlocked, or to the shared lock
     * the transaction held on it before; a table keeps only the modes it held then. Returns whether
     * anything was given back, which transactions waiting for this one must hear of.
     */
    boolean rollbackTo(Mark mark, MemoryTransaction transaction, long xid, TransactionTable transactions) {
        boolean released = false;
        Set<RowVersion> sharedBefore = Collections.newSetFromMap(new IdentityHashMap<>());
        sharedBefore.addAll(sharedRows.subList(0, mark.sharedRows()));
        List<RowVersion> lockedSince = rows.subList(mark.rows(), rows.size());
        for (RowVersion locked : lockedSince) {
            locked.unlock(xid);
            if (sharedBefore.contains(locked)) {
                transactions.sharedLocks().share(locked, xid);
            }
            released = true;
        }
        lockedSince.clear();
        List<RowVersion> sharedSince = sharedRows.subList(mark.sharedRows(), sharedRows.size());
        for (RowVersion shared : sharedSince) {
            if (!sharedBefore.contains(shared)) {
                transactions.sharedLocks().release(shared, xid);
                released = true;
            }
        }
        sharedSince.clear();
        synchronized (this) {
            for (int i = 0; i < tables; i++) {
                int before = 0;
                for (int j = 0; j < mark.oids().length; j++) {
                    if (mark.oids()[j] == oids[i]) {
                        before = mark.modes()[j];
                    }
                }
                int taken = modes[i] & ~before;
                if (taken == 0) {
                    continue;
                }
                int takenShared = taken & ~fastModes[i];
                if (takenShared != 0) {
                    transactions.relationLocks().release(transaction, oids[i], takenShared,
                            (takenShared & RelationLocks.STRONG_MODES) != 0 && (before & RelationLocks.STRONG_MODES) == 0);
                }
                modes[i] = before;
                fastModes[i] &= before;
                released = true;
            }
        }
        return released;
    }

    /** Returns the locks held and the one awaited, if any. */
    List<HeldTableLock> list() {
        List<HeldTableLock> locks = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < tables; i++) {
                for (TableLockMode mode : TableLockMode.values()) {
                    if ((modes[i] & (1 << mode.ordinal())) != 0) {
                        locks.add(new HeldTableLock(oids[i], mode, true));
                    }
                }
            }
        }
        HeldTableLock waitingFor = awaited;
        if (waitingFor != null) {
            locks.add(waitingFor);
        }
        return locks;
    }

    /** Gives every lock back, as the transaction ends. */
    void releaseAll(MemoryTransaction transaction, long xid, TransactionTable transactions) {
        for (RowVersion locked : rows) {
            locked.unlock(xid);
        }
        rows.clear();
        for (RowVersion shared : sharedRows) {
            transactions.sharedLocks().release(shared, xid);
        }
        sharedRows.clear();
        // under the lock, so that no strong locker moves a fast-path lock into the shared table after this
        synchronized (this) {
            for (int i = 0; i < tables; i++) {
                int sharedModes = modes[i] & ~fastModes[i];
                if (sharedModes != 0) {
                    transactions.relationLocks().release(transaction, oids[i],
                            (sharedModes & RelationLocks.STRONG_MODES) != 0);
                }
            }
            tables = 0;
        }
    }
}
