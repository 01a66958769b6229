package org.modgres.executor.impl.agg;

import org.modgres.executor.impl.value.TextFormat;

/**
 * {@code string_agg(value, delimiter)}: the non-null values joined, each after the first preceded
 * by the delimiter given with it (a NULL delimiter adds nothing); NULL when there are none.
 * Calcite's LISTAGG without a delimiter uses a comma.
 */
final class StringAggAccumulator implements Accumulator {

    private final int value;
    private final int delimiter;
    private StringBuilder joined;

    /** @param delimiter the input column of the delimiter, or -1 for a comma */
    StringAggAccumulator(int value, int delimiter) {
        this.value = value;
        this.delimiter = delimiter;
    }

    @Override
    public void add(Object[] row) {
        if (row[value] == null) {
            return;
        }
        if (joined == null) {
            joined = new StringBuilder();
        } else if (delimiter < 0) {
            joined.append(',');
        } else if (row[delimiter] != null) {
            joined.append(TextFormat.format(row[delimiter]));
        }
        joined.append(TextFormat.format(row[value]));
    }

    @Override
    public Object result() {
        return joined == null ? null : joined.toString();
    }
}
