package org.modgres.executor.impl.expr;

import java.math.BigDecimal;

import org.modgres.api.type.PgInterval;

/**
 * The arithmetic of a RANGE frame's offset: the value an ORDER BY key reaches a distance before
 * or after it, as PostgreSQL's in_range functions compute it. Numbers never overflow here (an
 * integer sum goes on as a numeric), so a bound past the type's range still compares as beyond
 * every value; datetimes move by an interval with the operators' calendar rules.
 */
public final class RangeOffsets {

    private static final DateTimeArithmetic ADD = new DateTimeArithmetic(ArithmeticOp.ADD);

    private RangeOffsets() {
    }

    /** Returns {@code value + offset} ({@code value - offset} when {@code subtract}); both non-null. */
    public static Object move(Object value, Object offset, boolean subtract) {
        if (value instanceof Number number && offset instanceof Number distance) {
            if (number instanceof Double || number instanceof Float
                    || distance instanceof Double || distance instanceof Float) {
                double d = distance.doubleValue();
                return number.doubleValue() + (subtract ? -d : d);
            }
            BigDecimal d = decimal(distance);
            return subtract ? decimal(number).subtract(d) : decimal(number).add(d);
        }
        if (offset instanceof PgInterval interval) {
            return ADD.apply(value, subtract ? interval.negate() : interval);
        }
        throw new IllegalArgumentException("no RANGE offset arithmetic for " + value.getClass().getSimpleName()
                + " and " + offset.getClass().getSimpleName());
    }

    /** Returns whether an offset is below zero, which no frame accepts. */
    public static boolean isNegative(Object offset) {
        return switch (offset) {
            case PgInterval interval -> interval.compareTo(PgInterval.ZERO) < 0;
            case Double d -> d < 0;
            case Float f -> f < 0;
            case Number n -> decimal(n).signum() < 0;
            default -> false;
        };
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal d ? d : BigDecimal.valueOf(number.longValue());
    }
}
