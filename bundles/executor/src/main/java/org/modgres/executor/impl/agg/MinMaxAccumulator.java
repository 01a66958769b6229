package org.modgres.executor.impl.agg;

import org.modgres.executor.impl.value.Comparisons;

/** MIN and MAX (also BOOL_AND and BOOL_OR, which are MIN and MAX of booleans). */
final class MinMaxAccumulator implements Accumulator {

    private final int argument;
    private final boolean max;
    private final boolean blankPadded;
    private Object best;

    MinMaxAccumulator(int argument, boolean max, boolean blankPadded) {
        this.argument = argument;
        this.max = max;
        this.blankPadded = blankPadded;
    }

    @Override
    public void add(Object[] row) {
        Object value = row[argument];
        if (value == null) {
            return;
        }
        if (best == null) {
            best = value;
            return;
        }
        int c = blankPadded ? Comparisons.compareBlankPadded((String) value, (String) best)
                : Comparisons.compare(value, best);
        if (max ? c > 0 : c < 0) {
            best = value;
        }
    }

    @Override
    public Object result() {
        return best;
    }
}
