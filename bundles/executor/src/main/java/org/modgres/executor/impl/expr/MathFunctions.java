package org.modgres.executor.impl.expr;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.executor.impl.value.Numerics;
import org.modgres.executor.impl.value.PgErrors;
import org.modgres.executor.impl.value.ValueType;

/** PostgreSQL's mathematical functions. */
final class MathFunctions {

    private MathFunctions() {
    }

    /** {@code a & b} on integers; the caller converts the result to the call's integer type. */
    static Object bitAnd(Object a, Object b) {
        return ((Number) a).longValue() & ((Number) b).longValue();
    }

    static Object abs(Object value, ValueType resultType) {
        return switch (value) {
            case BigDecimal d -> d.abs();
            case Double d -> Math.abs(d);
            case Float f -> Math.abs(f);
            case Number n -> {
                long v = n.longValue();
                if (v == Long.MIN_VALUE) {
                    throw PgErrors.outOfRange(ValueType.BIGINT);
                }
                yield Numerics.narrow(Math.abs(v), resultType.isIntegral() ? resultType : ValueType.BIGINT);
            }
            default -> throw PgErrors.functionNotSupported("abs");
        };
    }

    /** round(x [, s]): numeric rounds half away from zero, double precision half to even. */
    static Object round(Object[] args) {
        Object value = args[0];
        if (args.length == 1 && (value instanceof Double || value instanceof Float)) {
            return Math.rint(((Number) value).doubleValue());
        }
        int scale = args.length > 1 ? ((Number) args[1]).intValue() : 0;
        BigDecimal rounded = Numerics.toBigDecimal((Number) value).setScale(scale, RoundingMode.HALF_UP);
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    /** trunc(x [, s]): drops digits towards zero. */
    static Object truncate(Object[] args) {
        Object value = args[0];
        if (args.length == 1 && (value instanceof Double || value instanceof Float)) {
            double d = ((Number) value).doubleValue();
            return d < 0 ? Math.ceil(d) : Math.floor(d);
        }
        int scale = args.length > 1 ? ((Number) args[1]).intValue() : 0;
        BigDecimal truncated = Numerics.toBigDecimal((Number) value).setScale(scale, RoundingMode.DOWN);
        return truncated.scale() < 0 ? truncated.setScale(0) : truncated;
    }

    static Object floorOrCeil(Object value, boolean floor) {
        return switch (value) {
            case BigDecimal d -> d.setScale(0, floor ? RoundingMode.FLOOR : RoundingMode.CEILING);
            case Double d -> floor ? Math.floor(d) : Math.ceil(d);
            case Float f -> (float) (floor ? Math.floor(f) : Math.ceil(f));
            default -> value;
        };
    }

    static Object sign(Object value) {
        return switch (value) {
            case BigDecimal d -> BigDecimal.valueOf(d.signum());
            case Double d -> Math.signum(d);
            case Float f -> Math.signum(f);
            default -> Long.signum(((Number) value).longValue());
        };
    }

    static double sqrt(Object value) {
        double d = ((Number) value).doubleValue();
        if (d < 0) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "cannot take square root of a negative number");
        }
        return Math.sqrt(d);
    }

    static double power(Object base, Object exponent) {
        double x = ((Number) base).doubleValue();
        double y = ((Number) exponent).doubleValue();
        if (x == 0 && y < 0) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "zero raised to a negative power is undefined");
        }
        if (x < 0 && y != Math.rint(y)) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        return Numerics.checkDouble(Math.pow(x, y), Double.isInfinite(x) || Double.isInfinite(y), x == 0.0);
    }

    /** ln, log (base 10) and exp on double precision; log takes 10 as its base. */
    static double logarithm(Object value, boolean base10) {
        double x = ((Number) value).doubleValue();
        if (x == 0) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of zero");
        }
        if (x < 0) {
            throw new PgException(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM,
                    "cannot take logarithm of a negative number");
        }
        return Numerics.checkDouble(base10 ? Math.log10(x) : Math.log(x), Double.isInfinite(x), x == 1);
    }

    static double exp(Object value) {
        double x = ((Number) value).doubleValue();
        double result = Math.exp(x);
        if (Double.isInfinite(result) && !Double.isInfinite(x)) {
            throw PgErrors.floatOverflow();
        }
        if (result == 0 && !Double.isInfinite(x)) {
            throw PgErrors.floatUnderflow();
        }
        return result;
    }

    /** div(a, b): the quotient truncated towards zero, numeric. */
    static BigDecimal div(Object dividend, Object divisor) {
        BigDecimal b = Numerics.toBigDecimal((Number) divisor);
        if (b.signum() == 0) {
            throw PgErrors.divisionByZero();
        }
        return Numerics.toBigDecimal((Number) dividend).divide(b, 0, RoundingMode.DOWN);
    }

    /** A numeric argument as BigDecimal, for the numeric overloads. */
    static BigDecimal numeric(Object value) {
        return Numerics.toBigDecimal((Number) value);
    }
}
