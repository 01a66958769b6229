package org.modgres.api.type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * Takes the value of a type as the class {@link PgType} names, and also as a close relative a
 * producer may hand over (an {@link Integer} for int8, an {@link Instant} for timestamptz), so
 * that encoding never depends on which boxed type a computation happened to produce.
 */
final class JavaValues {
    private JavaValues() {
    }

    static long asLong(PgType type, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger b) {
            return b.longValueExact();
        }
        if (value instanceof BigDecimal d) {
            return d.longValueExact();
        }
        throw wrongClass(type, value);
    }

    /** Returns the value of an int2, int4, int8 or oid, checked against the type's range. */
    static long asIntegral(PgType type, Object value) {
        long v = asLong(type, value);
        boolean inRange = switch (type) {
            case INT2 -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
            case INT4 -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            case OID -> v >= 0 && v <= 0xffff_ffffL;
            default -> true;
        };
        if (!inRange) {
            String name = switch (type) {
                case INT2 -> "smallint";
                case INT4 -> "integer";
                default -> "OID";
            };
            throw new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, name + " out of range");
        }
        return v;
    }

    static BigDecimal asBigDecimal(Object value) {
        return switch (value) {
            case BigDecimal d -> d;
            case BigInteger b -> new BigDecimal(b);
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case Double d -> new BigDecimal(Double.toString(d));
            case Float f -> new BigDecimal(Float.toString(f));
            default -> throw wrongClass(PgType.NUMERIC, value);
        };
    }

    static double asDouble(PgType type, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongClass(type, value);
    }

    static OffsetDateTime asOffsetDateTime(Object value) {
        return switch (value) {
            case OffsetDateTime t -> t;
            case ZonedDateTime t -> t.toOffsetDateTime();
            case Instant i -> i.atOffset(ZoneOffset.UTC);
            default -> throw wrongClass(PgType.TIMESTAMPTZ, value);
        };
    }

    static <T> T as(PgType type, Class<T> javaClass, Object value) {
        if (!javaClass.isInstance(value)) {
            throw wrongClass(type, value);
        }
        return javaClass.cast(value);
    }

    static IllegalArgumentException wrongClass(PgType type, Object value) {
        return new IllegalArgumentException("a value of type " + type.typname() + " must be a "
                + type.javaClass().getSimpleName() + ", not a " + value.getClass().getName());
    }
}
