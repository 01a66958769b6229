package org.modgres.shmem.impl;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The newest version of each row of a table, by row id. Row ids are handed out in sequence, so
 * the store is an array of fixed-size chunks indexed by id: a lookup is two array reads, a scan
 * walks the chunks in id order, and a row costs one reference. Readers need no lock; chunks are
 * added under the store's monitor and published through a volatile array. The versions' values
 * are in the store's {@link TupleHeap}, one per layout of the table's rows.
 */
final class RowStore {

    private final TupleHeap heap;

    RowStore(TupleHeap heap) {
        this.heap = heap;
    }

    /** Where the values of the store's versions are. */
    TupleHeap heap() {
        return heap;
    }

    private static final int CHUNK_BITS = 12;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_SIZE - 1;

    private volatile AtomicReferenceArray<RowVersion>[] chunks = noChunks();

    @SuppressWarnings("unchecked")
    private static AtomicReferenceArray<RowVersion>[] noChunks() {
        return (AtomicReferenceArray<RowVersion>[]) new AtomicReferenceArray<?>[0];
    }

    RowVersion get(long rowId) {
        AtomicReferenceArray<RowVersion>[] current = chunks;
        long chunk = rowId >>> CHUNK_BITS;
        if (rowId < 0 || chunk >= current.length) {
            return null;
        }
        return current[(int) chunk].get((int) (rowId & CHUNK_MASK));
    }

    /** Sets the newest version of a row; returns the one it replaces. */
    RowVersion set(long rowId, RowVersion version) {
        return chunkFor(rowId).getAndSet((int) (rowId & CHUNK_MASK), version);
    }

    /** Removes a row; returns its newest version, or null when there was none. */
    RowVersion remove(long rowId) {
        AtomicReferenceArray<RowVersion>[] current = chunks;
        long chunk = rowId >>> CHUNK_BITS;
        if (rowId < 0 || chunk >= current.length) {
            return null;
        }
        return current[(int) chunk].getAndSet((int) (rowId & CHUNK_MASK), null);
    }

    /** Removes a row only while {@code expected} is its newest version. */
    boolean remove(long rowId, RowVersion expected) {
        AtomicReferenceArray<RowVersion>[] current = chunks;
        long chunk = rowId >>> CHUNK_BITS;
        if (rowId < 0 || chunk >= current.length) {
            return false;
        }
        return current[(int) chunk].compareAndSet((int) (rowId & CHUNK_MASK), expected, null);
    }

    /** Returns the number of rows, by counting them. */
    long count() {
        long count = 0;
        for (Cursor cursor = cursor(); cursor.next(); ) {
            count++;
        }
        return count;
    }

    /** Returns a cursor over the rows in id order; it sees rows added or removed meanwhile or not. */
    Cursor cursor() {
        return new Cursor(chunks);
    }

    private AtomicReferenceArray<RowVersion> chunkFor(long rowId) {
        if (rowId < 0) {
            throw new IllegalArgumentException("row id " + rowId);
        }
        long chunk = rowId >>> CHUNK_BITS;
        AtomicReferenceArray<RowVersion>[] current = chunks;
        if (chunk < current.length) {
            return current[(int) chunk];
        }
        synchronized (this) {
            current = chunks;
            if (chunk >= current.length) {
                if (chunk >= Integer.MAX_VALUE) {
                    throw new IllegalStateException("row id " + rowId + " is beyond what a table can hold");
                }
                int size = (int) Math.max(chunk + 1, current.length + current.length / 2);
                AtomicReferenceArray<RowVersion>[] grown = Arrays.copyOf(current, size);
                for (int i = current.length; i < size; i++) {
                    grown[i] = new AtomicReferenceArray<>(CHUNK_SIZE);
                }
                chunks = grown;
                current = grown;
            }
            return current[(int) chunk];
        }
    }

    /** Walks the rows of a store in id order. */
    static final class Cursor {
        private final AtomicReferenceArray<RowVersion>[] chunks;
        private long next;
        private long id = -1;
        private RowVersion version;

        private Cursor(AtomicReferenceArray<RowVersion>[] chunks) {
            this.chunks = chunks;
        }

        /** Moves to the next row; returns false after the last one. */
        boolean next() {
            long end = (long) chunks.length << CHUNK_BITS;
            while (next < end) {
                long candidate = next++;
                RowVersion found = chunks[(int) (candidate >>> CHUNK_BITS)].get((int) (candidate & CHUNK_MASK));
                if (found != null) {
                    id = candidate;
                    version = found;
                    return true;
                }
            }
            version = null;
            return false;
        }

        long id() {
            return id;
        }

        RowVersion version() {
            return version;
        }
    }
}
