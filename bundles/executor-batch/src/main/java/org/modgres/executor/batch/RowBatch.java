package org.modgres.executor.batch;

import java.util.Arrays;

/**
 * Up to {@link #CAPACITY} rows passed between batch operators at once. A batch handed out
 * belongs to its consumer until the consumer asks for the next one, and the consumer may drop
 * rows from it; the row arrays themselves are never changed, since operators above may keep them.
 */
final class RowBatch {

    /** Rows per batch: enough to make the per-batch work negligible, few enough to stay in cache. */
    static final int CAPACITY = 1024;

    private final Object[][] rows = new Object[CAPACITY][];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean isFull() {
        return size == CAPACITY;
    }

    Object[] row(int index) {
        return rows[index];
    }

    /** The rows themselves, for loops over {@code [0, size)} that want no call per row. */
    Object[][] rows() {
        return rows;
    }

    void add(Object[] row) {
        rows[size++] = row;
    }

    void clear() {
        Arrays.fill(rows, 0, size, null);
        size = 0;
    }

    /** Keeps the first {@code kept} rows after a filter moved the survivors to the front. */
    void truncate(int kept) {
        Arrays.fill(rows, kept, size, null);
        size = kept;
    }
}
