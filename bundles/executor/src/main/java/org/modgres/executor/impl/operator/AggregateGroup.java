package org.modgres.executor.impl.operator;

import java.util.List;

import org.modgres.executor.impl.agg.Accumulator;
import org.modgres.executor.impl.agg.AccumulatorFactory;

/** One group of a GROUP BY: its key values and the running state of each of its aggregates. */
public final class AggregateGroup {

    private final Object[] keyValues;
    private final Accumulator[] accumulators;

    private AggregateGroup(Object[] keyValues, Accumulator[] accumulators) {
        this.keyValues = keyValues;
        this.accumulators = accumulators;
    }

    /** Starts the group of a row, counting what the group keeps against the statement's budget. */
    public static AggregateGroup start(Object[] row, int[] groupKeys, List<AccumulatorFactory> factories,
                                       MemoryBudget memory) {
        Object[] keyValues = new Object[groupKeys.length];
        for (int i = 0; i < groupKeys.length; i++) {
            keyValues[i] = row[groupKeys[i]];
        }
        Accumulator[] accumulators = new Accumulator[factories.size()];
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i] = factories.get(i).create();
        }
        // the key values, the map entry and one accumulator object per aggregate
        memory.reserve(MemoryBudget.RowSizes.of(keyValues) + 64 + 32L * accumulators.length);
        return new AggregateGroup(keyValues, accumulators);
    }

    /** The group's aggregates, for a caller that feeds them itself. */
    public Accumulator[] accumulators() {
        return accumulators;
    }

    /** Adds a row to every aggregate of the group. */
    public void add(Object[] row) {
        for (Accumulator accumulator : accumulators) {
            accumulator.add(row);
        }
    }

    /** Returns the group's row: its key values followed by the aggregates' values. */
    public Object[] result() {
        Object[] out = new Object[keyValues.length + accumulators.length];
        System.arraycopy(keyValues, 0, out, 0, keyValues.length);
        for (int i = 0; i < accumulators.length; i++) {
            out[keyValues.length + i] = accumulators[i].result();
        }
        return out;
    }
}
