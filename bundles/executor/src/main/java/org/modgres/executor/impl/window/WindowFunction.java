package org.modgres.executor.impl.window;

/** One window function of a Window node, computed for all rows of a partition at once. */
@FunctionalInterface
public interface WindowFunction {

    /** Puts the function's value for the partition's row i into {@code results[i]}. */
    void evaluate(Partition partition, Object[] results);
}
