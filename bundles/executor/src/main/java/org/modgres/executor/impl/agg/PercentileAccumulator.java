package org.modgres.executor.impl.agg;

import java.util.ArrayList;
import java.util.List;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.PgInterval;
import org.modgres.executor.impl.value.TextFormat;

/**
 * {@code percentile_cont(f) WITHIN GROUP (ORDER BY x)} and {@code percentile_disc}: the value at
 * fraction f of the ordered non-null values, interpolated between its neighbours (cont, as double
 * precision, or interval) or the first value at or past it (disc); an array of fractions gives
 * an array of such values, NULL for a NULL fraction. The rows arrive sorted by x, as
 * {@link OrderedAccumulator} feeds them.
 */
final class PercentileAccumulator implements Accumulator {

    private final int fractionArgument;
    private final int valueColumn;
    private final boolean continuous;
    private final List<Object> values = new ArrayList<>();
    private Object fraction;

    PercentileAccumulator(int fractionArgument, int valueColumn, boolean continuous) {
        this.fractionArgument = fractionArgument;
        this.valueColumn = valueColumn;
        this.continuous = continuous;
    }

    @Override
    public void add(Object[] row) {
        if (fraction == null) {
            fraction = row[fractionArgument];
        }
        if (row[valueColumn] != null) {
            values.add(row[valueColumn]);
        }
    }

    @Override
    public Object result() {
        if (values.isEmpty() || fraction == null) {
            return null;
        }
        if (fraction instanceof List<?> fractions) {
            List<Object> results = new ArrayList<>(fractions.size());
            for (Object each : fractions) {
                results.add(each == null ? null : at(each));
            }
            return results;
        }
        return at(fraction);
    }

    private Object at(Object fractionValue) {
        double at = ((Number) fractionValue).doubleValue();
        if (at < 0 || at > 1 || Double.isNaN(at)) {
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "percentile value " + TextFormat.formatDouble(at) + " is not between 0 and 1");
        }
        int count = values.size();
        if (!continuous) {
            int index = Math.max((int) Math.ceil(at * count) - 1, 0);
            return values.get(index);
        }
        double position = at * (count - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        if (values.get(lower) instanceof PgInterval low && values.get(upper) instanceof PgInterval high) {
            return lower == upper ? low : low.plus(high.minus(low).multiply(position - lower));
        }
        double low = ((Number) values.get(lower)).doubleValue();
        double high = ((Number) values.get(upper)).doubleValue();
        return lower == upper ? low : low + (position - lower) * (high - low);
    }
}
