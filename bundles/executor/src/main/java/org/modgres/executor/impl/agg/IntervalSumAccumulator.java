package org.modgres.executor.impl.agg;

import org.modgres.api.type.PgInterval;

/** SUM and AVG of intervals: field by field, as PostgreSQL's interval_accum; AVG divides the sum by the count. */
final class IntervalSumAccumulator implements Accumulator {

    private final int argument;
    private final boolean average;
    private long count;
    private PgInterval sum = PgInterval.ZERO;

    IntervalSumAccumulator(int argument, boolean average) {
        this.argument = argument;
        this.average = average;
    }

    @Override
    public void add(Object[] row) {
        if (row[argument] instanceof PgInterval value) {
            count++;
            sum = sum.plus(value);
        }
    }

    @Override
    public Object result() {
        if (count == 0) {
            return null;
        }
        return average ? sum.divide(count) : sum;
    }
}
