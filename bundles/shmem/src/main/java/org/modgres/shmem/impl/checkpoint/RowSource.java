package org.modgres.shmem.impl.checkpoint;

/** Hands over the rows of a table, in row id order. */
@FunctionalInterface
public interface RowSource {
    void forEach(RowSink sink);
}
