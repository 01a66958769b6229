package org.modgres.shmem.impl.checkpoint;

/** Receives the rows of a table, in row id order. */
@FunctionalInterface
public interface RowSink {
    void row(long rowId, Object[] row);
}
