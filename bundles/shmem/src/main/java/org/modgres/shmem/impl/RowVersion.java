package org.modgres.shmem.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One version of a row, as PostgreSQL's heap tuple: the values (a tuple in a heap page, see
 * {@link TupleHeap}, named by its TID), the transaction that wrote them
 * ({@code xmin}) and the one that replaced or deleted them ({@code xmax}), which is also the row's
 * lock while that transaction runs. Versions of one row form a chain from the newest to older
 * ones that snapshots taken earlier still see; vacuum cuts the chain where nobody can look.
 */
final class RowVersion {

    /** The creator of versions that every transaction sees: rows recovered or loaded at start. */
    static final long FROZEN = 0;
    /** No transaction replaced or deleted the version. */
    static final long NONE = 0;
    /**
     * The xmax of a version that transactions hold shared locks on (FOR SHARE, foreign-key
     * checks): who they are, {@link SharedRowLocks} keeps beside the versions.
     */
    static final long SHARED = Long.MIN_VALUE;

    private static final VarHandle XMAX;
    private static final VarHandle OLDER;
    private static final VarHandle TID;
    /** Marks a retired TID: chains are cut by updates and vacuum at once and may hand the same version over twice. */
    private static final long RETIRED = 1L << 62;
    /** The TID of values kept on the Java heap. */
    private static final long INLINE = -1;

    static {
        try {
            XMAX = MethodHandles.lookup().findVarHandle(RowVersion.class, "xmax", long.class);
            OLDER = MethodHandles.lookup().findVarHandle(RowVersion.class, "older", RowVersion.class);
            TID = MethodHandles.lookup().findVarHandle(RowVersion.class, "tid", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * The {@link TupleHeap} that holds the values, or, for a row too long for a page (no TOAST
     * yet), the values themselves on the Java heap; one field rather than two, as there is one
     * version per row and more.
     */
    private final Object storage;
    /** The tuple's TID, {@link #INLINE}, and {@link #RETIRED} once the version is retired. */
    private volatile long tid;
    final long xmin;
    private volatile long xmax;
    private volatile RowVersion older;

    /** A version whose values are stored in {@code heap}. */
    RowVersion(TupleHeap heap, Object[] values, long xmin, RowVersion older) {
        long stored = heap.store(values);
        this.storage = stored < 0 ? values : heap;
        this.tid = stored < 0 ? INLINE : stored;
        this.xmin = xmin;
        this.older = older;
    }

    /** The values, read from the version's page: a new array each time, the caller's to keep or change. */
    Object[] values() {
        Object where = storage;
        if (where instanceof TupleHeap heap) {
            return heap.read(tid & ~RETIRED);
        }
        return ((Object[]) where).clone();
    }

    /** Gives the values' tuple back to the heap, once nobody can read it: the version was unlinked. */
    void retire() {
        if (storage instanceof TupleHeap heap) {
            long current = tid;
            if ((current & RETIRED) == 0 && TID.compareAndSet(this, current, current | RETIRED)) {
                heap.retire(current);
            }
        }
    }

    /** Retires this version and every older one. */
    void retireChain() {
        for (RowVersion version = this; version != null; version = version.older) {
            version.retire();
        }
    }

    /**
     * The transaction that replaced or deleted the version, or {@link #NONE}. A row lock of
     * SELECT ... FOR UPDATE is kept in the same field as the negated transaction id, so that a
     * lock and a change of the row exclude each other in one compare-and-set; readers, for whom a
     * locked row is simply there, never see it.
     */
    long xmax() {
        long raw = xmax;
        return raw < 0 ? NONE : raw;
    }

    /** The transaction that holds the row's lock of FOR UPDATE, or {@link #NONE}. */
    long locker() {
        long raw = xmax;
        return raw < 0 && raw != SHARED ? -raw : NONE;
    }

    /** Whether transactions hold shared locks on the version, or did and the last has not given it back. */
    boolean isShared() {
        return xmax == SHARED;
    }

    /** Sets xmax if it is {@code expected}; for {@link SharedRowLocks}, which moves it to and from {@link #SHARED}. */
    boolean compareAndSetXmax(long expected, long value) {
        return XMAX.compareAndSet(this, expected, value);
    }

    /** Locks the row for a transaction, as FOR UPDATE does; false when it is locked or changed already. */
    boolean lock(long xid) {
        return XMAX.compareAndSet(this, NONE, -xid);
    }

    /** Gives back a lock the transaction holds, when it ends (or when it is found to have ended). */
    void unlock(long xid) {
        XMAX.compareAndSet(this, -xid, NONE);
    }

    /** Returns a copy of this version with other values, same xmin and xmax, followed by {@code olderCopy}. */
    RowVersion withValues(TupleHeap newHeap, Object[] newValues, RowVersion olderCopy) {
        RowVersion copy = new RowVersion(newHeap, newValues, xmin, olderCopy);
        copy.xmax = xmax;
        return copy;
    }

    /** Takes the row for a transaction that replaces or deletes it; false when another got it first. */
    boolean claim(long xid) {
        // the transaction's own lock does not stand in its way
        return XMAX.compareAndSet(this, NONE, xid) || XMAX.compareAndSet(this, -xid, xid);
    }

    /** Gives the row back: the transaction that claimed it rolled back its change. */
    void release() {
        xmax = NONE;
    }

    RowVersion older() {
        return older;
    }

    /** Drops the older versions, which no snapshot can see any more; returns them (null when there were none). */
    RowVersion forgetOlder() {
        return (RowVersion) OLDER.getAndSet(this, (RowVersion) null);
    }
}
