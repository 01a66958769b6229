package org.modgres.executor.impl.agg;

import org.modgres.executor.impl.value.Comparisons;

/**
 * {@code mode() WITHIN GROUP (ORDER BY x)}: the most frequent non-null x. The rows arrive sorted
 * by x, as {@link OrderedAccumulator} feeds them, so equal values come in runs, and among equally
 * long runs the first wins, as in PostgreSQL.
 */
final class ModeAccumulator implements Accumulator {

    private final int valueColumn;
    private Object run;
    private long runLength;
    private Object mode;
    private long modeLength;

    ModeAccumulator(int valueColumn) {
        this.valueColumn = valueColumn;
    }

    @Override
    public void add(Object[] row) {
        Object value = row[valueColumn];
        if (value == null) {
            return;
        }
        if (run != null && Comparisons.compare(run, value) == 0) {
            runLength++;
        } else {
            run = value;
            runLength = 1;
        }
        if (runLength > modeLength) {
            mode = run;
            modeLength = runLength;
        }
    }

    @Override
    public Object result() {
        return mode;
    }
}
