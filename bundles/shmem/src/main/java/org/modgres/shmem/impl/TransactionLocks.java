package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /** The modes held, as bit sets of {@link TableLockMode} ordinals by table OID; null until the first. */
    private volatile Map<Long, Integer> held;
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
        Integer modes = held == null ? null : held.get(table.oid());
        if (modes != null && (modes & bit) != 0) {
            return false;
        }
        awaited = new HeldTableLock(table.oid(), mode, false);
        boolean waited;
        try {
            waited = locks.acquire(transaction, table.oid(), table.info().name(), mode, nowait);
        } finally {
            awaited = null;
        }
        if (held == null) {
            held = new ConcurrentHashMap<>();
        }
        held.merge(table.oid(), bit, (before, added) -> before | added);
        return waited;
    }

    /** Returns the locks held and the one awaited, if any. */
    List<HeldTableLock> list() {
        List<HeldTableLock> locks = new ArrayList<>();
        Map<Long, Integer> tables = held;
        if (tables != null) {
            for (Map.Entry<Long, Integer> table : tables.entrySet()) {
                for (TableLockMode mode : TableLockMode.values()) {
                    if ((table.getValue() & (1 << mode.ordinal())) != 0) {
                        locks.add(new HeldTableLock(table.getKey(), mode, true));
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
        Map<Long, Integer> tables = held;
        if (tables != null) {
            for (long oid : tables.keySet()) {
                transactions.relationLocks().release(transaction, oid);
            }
            held = null;
        }
    }
}
