package org.modgres.executor.impl.agg;

/** The running state of one aggregate call for one group. */
public interface Accumulator {

    /** Adds an input row. */
    void add(Object[] row);

    /** Returns the aggregate's value over the rows added so far. */
    Object result();
}
