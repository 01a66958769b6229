package org.modgres.shmem.impl;

import java.util.Arrays;

/**
 * Which transactions' work a reader sees, as PostgreSQL's snapshot: every transaction with an id
 * below {@code xmax} that was not running when the snapshot was taken, and the reader's own.
 * Transactions that roll back take their versions away before they stop running, so a finished
 * transaction is a committed one.
 *
 * @param xmin    the lowest id that was running (or xmax): every id below it is finished for this snapshot
 * @param xmax    the first id not yet handed out
 * @param running the ids running when the snapshot was taken, sorted
 */
record Snapshot(long xmin, long xmax, long[] running) {

    /** Whether the work of transaction {@code xid} is visible to a reader that is transaction {@code self}. */
    boolean sees(long xid, long self) {
        if (xid == RowVersion.FROZEN || xid == self) {
            return true;
        }
        if (xid >= xmax) {
            return false;
        }
        return xid < xmin || Arrays.binarySearch(running, xid) < 0;
    }

    /** Returns the version of a row this reader sees, or null when it sees none (not yet inserted, or deleted). */
    RowVersion visible(RowVersion newest, long self) {
        for (RowVersion version = newest; version != null; version = version.older()) {
            if (sees(version.xmin, self)) {
                long xmax = version.xmax();
                return xmax != RowVersion.NONE && sees(xmax, self) ? null : version;
            }
        }
        return null;
    }
}
