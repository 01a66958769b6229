package org.modgres.executor.impl.agg;

/** Makes a fresh {@link Accumulator} for each group. */
@FunctionalInterface
public interface AccumulatorFactory {

    Accumulator create();
}
