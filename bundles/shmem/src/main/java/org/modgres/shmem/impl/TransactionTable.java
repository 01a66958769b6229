package org.modgres.shmem.impl;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;

/**
 * The transactions that run, as PostgreSQL's proc array: it hands out transaction ids, takes
 * snapshots, tells how far back any snapshot can look (the vacuum horizon), and lets a
 * transaction wait for another to end, detecting deadlocks as it waits.
 */
final class TransactionTable {

    /** How long a transaction waits before it checks for a deadlock (PostgreSQL's deadlock_timeout). */
    static final long DEADLOCK_TIMEOUT_MILLIS = 1000;
    private static final long POLL_MILLIS = 50;
    private static final long HORIZON_REFRESH_NANOS = 1_000_000;

    private final AtomicLong nextXid;
    /** Guards handing out ids together with registering them, against snapshots taken in between. */
    private final ReentrantLock idLock = new ReentrantLock();
    private final ConcurrentHashMap<Long, MemoryTransaction> running = new ConcurrentHashMap<>();
    private final Set<MemoryTransaction> open = ConcurrentHashMap.newKeySet();
    private final SharedRowLocks sharedLocks = new SharedRowLocks();
    private final RelationLocks relationLocks = new RelationLocks(this);
    private volatile long horizon;
    private volatile long horizonComputedAt = System.nanoTime();

    TransactionTable(AtomicLong nextXid) {
        this.nextXid = nextXid;
        this.horizon = nextXid.get();
    }

    long nextXid() {
        return nextXid.get();
    }

    /** Registers a transaction that has begun; it holds back the horizon with its snapshots. */
    void opened(MemoryTransaction transaction) {
        open.add(transaction);
    }

    /** Hands a transaction its id, before its first change; from now on it runs for every snapshot. */
    long assignXid(MemoryTransaction transaction) {
        idLock.lock();
        try {
            long xid = nextXid.getAndIncrement();
            running.put(xid, transaction);
            return xid;
        } finally {
            idLock.unlock();
        }
    }

    /**
     * Takes a snapshot of what has committed now, for a reader that from now on holds back the
     * horizon to the snapshot's xmin (published before the lock is let go, so that no horizon
     * computed meanwhile can pass it).
     */
    Snapshot snapshot(MemoryTransaction reader) {
        idLock.lock();
        try {
            Snapshot snapshot = snapshotLocked();
            reader.snapshotTaken(snapshot);
            return snapshot;
        } finally {
            idLock.unlock();
        }
    }

    /**
     * Takes a snapshot of what has committed now that holds back nothing: for a check that looks
     * at newer versions than its transaction's snapshot does, which vacuum keeps anyway.
     */
    Snapshot snapshotNow() {
        idLock.lock();
        try {
            return snapshotLocked();
        } finally {
            idLock.unlock();
        }
    }

    private Snapshot snapshotLocked() {
        long xmax = nextXid.get();
        long[] ids = new long[running.size()];
        int n = 0;
        for (Long xid : running.keySet()) {
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2 + 1);
            }
            ids[n++] = xid;
        }
        ids = Arrays.copyOf(ids, n);
        Arrays.sort(ids);
        return new Snapshot(n == 0 ? xmax : Math.min(ids[0], xmax), xmax, ids);
    }

    /** Has every open transaction move its fast-path locks of the table into the shared lock table. */
    void transferFastPathLocks(long oid) {
        for (MemoryTransaction transaction : open) {
            transaction.transferFastPathLocks(oid);
        }
    }

    /** The table-level locks of all transactions. */
    RelationLocks relationLocks() {
        return relationLocks;
    }

    /** The holders of shared row locks, which every transaction's row changes consult. */
    SharedRowLocks sharedLocks() {
        return sharedLocks;
    }

    /** Whether the transaction with this id has not ended. */
    boolean isRunning(long xid) {
        return running.containsKey(xid);
    }

    /** Ends a transaction: its work becomes visible (or is gone) for new snapshots; waiters wake. */
    void ended(MemoryTransaction transaction, long xid) {
        open.remove(transaction);
        if (xid != MemoryTransaction.NO_XID) {
            running.remove(xid, transaction);
        }
    }

    /**
     * Returns an id below which every transaction has ended and every snapshot sees every ended
     * transaction: versions replaced or deleted below it are seen by nobody. Never decreases.
     */
    long horizon() {
        long lowest;
        idLock.lock();
        try {
            lowest = nextXid.get();
            for (Long xid : running.keySet()) {
                lowest = Math.min(lowest, xid);
            }
            for (MemoryTransaction transaction : open) {
                lowest = Math.min(lowest, transaction.snapshotXmin());
            }
        } finally {
            idLock.unlock();
        }
        long known = horizon;
        if (lowest > known) {
            horizon = lowest;
            return lowest;
        }
        return known;
    }

    /**
     * Returns the horizon, computed again when the last computation is older than a millisecond:
     * cheap enough for every update, which cuts the version chain it extends with it, and recent
     * enough that a row updated thousands of times a second keeps a short chain.
     */
    long knownHorizon() {
        long now = System.nanoTime();
        if (now - horizonComputedAt > HORIZON_REFRESH_NANOS) {
            horizonComputedAt = now;
            return horizon();
        }
        return horizon;
    }

    /**
     * Waits until the transaction with id {@code xid} ends. Runs the waiter's interrupt check
     * while it waits, and after {@link #DEADLOCK_TIMEOUT_MILLIS} looks for a cycle of waits
     * through the waiter, which it breaks by failing with 40P01.
     */
    void awaitEnd(MemoryTransaction waiter, long xid) {
        MemoryTransaction holder = running.get(xid);
        if (holder != null) {
            awaitEnd(waiter, holder);
        }
    }

    /**
     * Waits until the holder ends, as {@link #awaitEnd(MemoryTransaction, long)} does, or gives
     * back locks by rolling back to a savepoint, after which the waiter looks again.
     */
    void awaitEnd(MemoryTransaction waiter, MemoryTransaction holder) {
        waiter.waitingFor(holder);
        try {
            long started = System.nanoTime();
            boolean checked = false;
            int releases = holder.lockReleases();
            while (!holder.awaitEnd(POLL_MILLIS) && holder.lockReleases() == releases) {
                waiter.interruptCheck().run();
                if (!checked && TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) >= DEADLOCK_TIMEOUT_MILLIS) {
                    checked = true;
                    String cycle = deadlockCycle(waiter, holder);
                    if (cycle != null) {
                        throw new PgException(SqlState.DEADLOCK_DETECTED, Severity.ERROR, "deadlock detected",
                                cycle, "See server log for query details.", 0, null);
                    }
                }
            }
        } finally {
            waiter.waitingFor(null);
        }
    }

    /** Names a transaction in a deadlock's detail: by its id, or when it has none (it wrote nothing) as read-only. */
    private static String describe(MemoryTransaction transaction, boolean first) {
        long xid = transaction.xid();
        if (xid != MemoryTransaction.NO_XID) {
            return (first ? "Transaction " : "transaction ") + xid;
        }
        return first ? "A read-only transaction" : "a read-only transaction";
    }

    /** Returns the description of a cycle of waits from holder back to waiter, or null when there is none. */
    private static String deadlockCycle(MemoryTransaction waiter, MemoryTransaction holder) {
        StringBuilder detail = new StringBuilder();
        MemoryTransaction current = waiter;
        MemoryTransaction next = holder;
        for (int hops = 0; next != null && hops < 1000; hops++) {
            if (detail.length() > 0) {
                detail.append('\n');
            }
            detail.append(describe(current, true)).append(" waits for ").append(describe(next, false)).append('.');
            if (next == waiter) {
                return detail.toString();
            }
            current = next;
            next = next.waitingFor();
        }
        return null;
    }
}
