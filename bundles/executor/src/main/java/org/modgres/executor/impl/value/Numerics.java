package org.modgres.executor.impl.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** Number conversions with PostgreSQL's range checks and its numeric scale rules. */
public final class Numerics {

    /** PostgreSQL's NUMERIC_MIN_SIG_DIGITS: a quotient has at least this many significant digits. */
    private static final int MIN_SIGNIFICANT_DIGITS = 16;
    private static final int MAX_DISPLAY_SCALE = 1000;
    /** numeric's base-10000 digit groups, which PostgreSQL's scale rules count in. */
    private static final int DEC_DIGITS = 4;
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Numerics() {
    }

    /** Returns a long as a value of an integer type, or 22003 "integer out of range". */
    public static Object narrow(long value, ValueType type) {
        return switch (type) {
            case SMALLINT -> {
                if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
                    throw PgErrors.outOfRange(type);
                }
                yield (short) value;
            }
            case INTEGER -> {
                if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                    throw PgErrors.outOfRange(type);
                }
                yield (int) value;
            }
            case BIGINT -> value;
            default -> throw new IllegalArgumentException("not an integer type: " + type);
        };
    }

    /** Returns a number as a long, rounding fractions half away from zero; 22003 when outside the type's range. */
    public static long toLong(Number value, ValueType type) {
        return switch (value) {
            case Long l -> l;
            case Integer i -> i;
            case Short s -> s;
            case Byte b -> b;
            case BigDecimal d -> bigDecimalToLong(d.setScale(0, RoundingMode.HALF_UP), type);
            case BigInteger b -> bigDecimalToLong(new BigDecimal(b), type);
            case Double d -> doubleToLong(d, type);
            case Float f -> doubleToLong(f.doubleValue(), type);
            default -> throw new IllegalArgumentException("not a number: " + value.getClass());
        };
    }

    private static long bigDecimalToLong(BigDecimal value, ValueType type) {
        if (value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0) {
            throw PgErrors.outOfRange(type);
        }
        return value.longValue();
    }

    private static long doubleToLong(double value, ValueType type) {
        // float-to-integer casts round half to even in PostgreSQL (rint)
        double rounded = Math.rint(value);
        if (Double.isNaN(rounded) || rounded < -0x1p63 || rounded >= 0x1p63) {
            throw PgErrors.outOfRange(type);
        }
        return (long) rounded;
    }

    /** Returns a number as a BigDecimal with a scale of at least 0. */
    public static BigDecimal toBigDecimal(Number value) {
        BigDecimal result = switch (value) {
            case BigDecimal d -> d;
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            case BigInteger b -> new BigDecimal(b);
            case Double d -> fromDouble(d, 15);
            case Float f -> fromDouble(f.doubleValue(), 6);
            default -> throw new IllegalArgumentException("not a number: " + value.getClass());
        };
        return result.scale() < 0 ? result.setScale(0) : result;
    }

    /** Converts a float as PostgreSQL does: through its text form with DBL_DIG or FLT_DIG digits. */
    private static BigDecimal fromDouble(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "cannot convert " + (Double.isNaN(value) ? "NaN" : "infinity") + " to numeric");
        }
        BigDecimal exact = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        BigDecimal stripped = exact.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Returns a number as a double. */
    public static double toDouble(Number value) {
        return value.doubleValue();
    }

    /**
     * Divides two numerics as PostgreSQL's numeric_div does: the quotient gets at least 16
     * significant digits and no less scale than either input, rounded half away from zero.
     */
    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        if (divisor.signum() == 0) {
            throw PgErrors.divisionByZero();
        }
        return dividend.divide(divisor, divisionScale(dividend, divisor), RoundingMode.HALF_UP);
    }

    /** PostgreSQL's select_div_scale, computed on its base-10000 digit groups. */
    static int divisionScale(BigDecimal dividend, BigDecimal divisor) {
        int weight1 = groupWeight(dividend);
        int weight2 = groupWeight(divisor);
        int firstGroup1 = firstGroup(dividend, weight1);
        int firstGroup2 = firstGroup(divisor, weight2);
        int quotientWeight = weight1 - weight2;
        if (firstGroup1 <= firstGroup2) {
            quotientWeight--;
        }
        int scale = MIN_SIGNIFICANT_DIGITS - quotientWeight * DEC_DIGITS;
        scale = Math.max(scale, Math.max(dividend.scale(), divisor.scale()));
        scale = Math.max(scale, 0);
        return Math.min(scale, MAX_DISPLAY_SCALE);
    }

    /** Returns the weight of the first non-zero base-10000 group, 0 for zero. */
    private static int groupWeight(BigDecimal value) {
        if (value.signum() == 0) {
            return 0;
        }
        int exponent = value.precision() - value.scale() - 1;
        return Math.floorDiv(exponent, DEC_DIGITS);
    }

    private static int firstGroup(BigDecimal value, int weight) {
        if (value.signum() == 0) {
            return 0;
        }
        return value.abs().movePointLeft(weight * DEC_DIGITS).intValue();
    }

    /** Returns the average as numeric_avg computes it: sum / count with division's scale. */
    public static BigDecimal average(BigDecimal sum, long count) {
        return divide(sum, BigDecimal.valueOf(count));
    }

    /**
     * Fits a numeric to {@code numeric(precision, scale)}: rounds half away from zero to the
     * scale, then refuses values with too many integer digits (22003 "numeric field overflow").
     * A precision of -1 means unconstrained.
     */
    public static BigDecimal applyTypmod(BigDecimal value, int precision, int scale) {
        if (precision < 0) {
            return value.scale() < 0 ? value.setScale(0) : value;
        }
        BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
        if (rounded.signum() != 0 && rounded.precision() - rounded.scale() > precision - scale) {
            throw PgErrors.numericFieldOverflow(precision, scale);
        }
        return rounded;
    }

    /** Checks a float result as PostgreSQL's float8 operators do. */
    public static double checkDouble(double result, boolean infiniteInput, boolean zeroAllowed) {
        if (Double.isInfinite(result) && !infiniteInput) {
            throw PgErrors.floatOverflow();
        }
        if (result == 0.0 && !zeroAllowed) {
            throw PgErrors.floatUnderflow();
        }
        return result;
    }

    /** Narrows a double to a real, with float4's overflow and underflow errors. */
    public static float toReal(double value) {
        float result = (float) value;
        if (Float.isInfinite(result) && !Double.isInfinite(value)) {
            throw PgErrors.floatOverflow();
        }
        if (result == 0.0f && value != 0.0) {
            throw PgErrors.floatUnderflow();
        }
        return result;
    }
}
