package org.modgres.shmem.impl;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who holds the shared locks of row versions (SELECT ... FOR SHARE, and a foreign-key check's
 * lock on the referenced row), as PostgreSQL's multixacts name the lockers of a tuple. A shared
 * version's xmax is {@link RowVersion#SHARED}; its holders are kept here, by the identity of the
 * version, only while some transaction holds one, so that unlocked rows cost nothing. Every move
 * of an xmax to or from SHARED happens inside this map's per-version compute, so that holders
 * joining, leaving and a writer taking the row over never miss each other.
 */
final class SharedRowLocks {

    /** What {@link #share} and {@link #takeOver} return when the lock is taken. */
    static final long TAKEN = -1;
    /** What {@link #share} returns when a writer or an exclusive locker holds the row. */
    static final long HELD_EXCLUSIVELY = -2;

    private static final long[] NOBODY = {};

    private final ConcurrentHashMap<RowVersion, long[]> holders = new ConcurrentHashMap<>();

    /**
     * Adds a transaction to the holders of a version's shared lock. Returns {@link #TAKEN},
     * {@link #HELD_EXCLUSIVELY}, or {@link RowVersion#NONE} when the version changed meanwhile and
     * the caller should look again.
     */
    long share(RowVersion version, long xid) {
        long[] outcome = {TAKEN};
        holders.compute(version, (v, xids) -> {
            if (v.isShared()) {
                long[] current = xids == null ? NOBODY : xids;
                return contains(current, xid) ? current : with(current, xid);
            }
            if (v.compareAndSetXmax(RowVersion.NONE, RowVersion.SHARED)) {
                return new long[] {xid};
            }
            outcome[0] = v.isShared() ? RowVersion.NONE : HELD_EXCLUSIVELY;
            return xids;
        });
        return outcome[0];
    }

    /**
     * Lets a transaction change or exclusively lock a shared version once no other running
     * transaction holds it: sets xmax to {@code xmax} and forgets the holders. Returns
     * {@link #TAKEN}, a running holder to wait for, or {@link RowVersion#NONE} when the version is
     * no longer shared and the caller should look again.
     */
    long takeOver(RowVersion version, long xid, long xmax, TransactionTable transactions) {
        long[] outcome = {TAKEN};
        holders.compute(version, (v, xids) -> {
            if (!v.isShared()) {
                outcome[0] = RowVersion.NONE;
                return xids;
            }
            for (long holder : xids == null ? NOBODY : xids) {
                if (holder != xid && transactions.isRunning(holder)) {
                    outcome[0] = holder;
                    return xids;
                }
            }
            v.compareAndSetXmax(RowVersion.SHARED, xmax);
            return null;
        });
        return outcome[0];
    }

    /** Gives back a transaction's shared lock when it ends; the last holder gives the version back. */
    void release(RowVersion version, long xid) {
        holders.computeIfPresent(version, (v, xids) -> {
            long[] rest = without(xids, xid);
            if (rest.length > 0) {
                return rest;
            }
            v.compareAndSetXmax(RowVersion.SHARED, RowVersion.NONE);
            return null;
        });
    }

    private static boolean contains(long[] xids, long xid) {
        for (long holder : xids) {
            if (holder == xid) {
                return true;
            }
        }
        return false;
    }

    private static long[] with(long[] xids, long xid) {
        long[] more = Arrays.copyOf(xids, xids.length + 1);
        more[xids.length] = xid;
        return more;
    }

    private static long[] without(long[] xids, long xid) {
        int kept = 0;
        long[] rest = new long[xids.length];
        for (long holder : xids) {
            if (holder != xid) {
                rest[kept++] = holder;
            }
        }
        return Arrays.copyOf(rest, kept);
    }
}
