package org.modgres.executor.impl.agg;

import java.math.BigDecimal;

import org.modgres.executor.impl.value.Numerics;

/**
 * SUM and AVG. Integers add up in a long until it would overflow, then in a BigDecimal, as
 * PostgreSQL's int8 sum moves to numeric; numerics add exactly; floats add as doubles. SUM of
 * no rows is NULL (or 0 for Calcite's SUM0); AVG divides with numeric division's scale.
 */
final class SumAccumulator implements Accumulator {

    enum Mode { SUM, SUM0, AVG }

    private final int argument;
    private final boolean approximate;
    private final Mode mode;
    private long count;
    private long longSum;
    private BigDecimal decimalSum;
    private double doubleSum;

    /** @param approximate whether the argument is real or double precision */
    SumAccumulator(int argument, boolean approximate, Mode mode) {
        this.argument = argument;
        this.approximate = approximate;
        this.mode = mode;
    }

    @Override
    public void add(Object[] row) {
        Object value = row[argument];
        if (value == null) {
            return;
        }
        count++;
        Number number = (Number) value;
        if (approximate) {
            doubleSum += number.doubleValue();
        } else if (decimalSum == null && (value instanceof Integer || value instanceof Long || value instanceof Short)) {
            long v = number.longValue();
            long sum = longSum + v;
            if (((longSum ^ sum) & (v ^ sum)) < 0) {
                decimalSum = BigDecimal.valueOf(longSum).add(BigDecimal.valueOf(v));
                longSum = 0;
            } else {
                longSum = sum;
            }
        } else {
            BigDecimal v = Numerics.toBigDecimal(number);
            decimalSum = decimalSum == null ? v.add(BigDecimal.valueOf(longSum)) : decimalSum.add(v);
            longSum = 0;
        }
    }

    @Override
    public Object result() {
        if (count == 0) {
            return mode == Mode.SUM0 ? 0L : null;
        }
        if (approximate) {
            return mode == Mode.AVG ? doubleSum / count : doubleSum;
        }
        if (mode == Mode.AVG) {
            BigDecimal sum = decimalSum != null ? decimalSum : BigDecimal.valueOf(longSum);
            return Numerics.average(sum, count);
        }
        return decimalSum != null ? decimalSum : longSum;
    }
}
