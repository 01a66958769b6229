package org.modgres.executor.impl.value;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.util.Arrays;

import org.modgres.api.type.PgInterval;

/**
 * Values used as a hash key (GROUP BY, DISTINCT, hash joins, set operations), normalised so
 * that values equal in SQL are equal in Java: {@code 1}, {@code 1::bigint} and {@code 1.00}
 * are one key. Nulls are kept, so grouping puts all nulls together.
 */
public final class RowKey {

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final Object[] values;
    private final int hash;

    private RowKey(Object[] values) {
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    /** Returns the key of some columns of a row. */
    public static RowKey of(Object[] row, int[] columns) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = normalize(row[columns[i]]);
        }
        return new RowKey(values);
    }

    /** Returns the key of a whole row. */
    public static RowKey of(Object[] row) {
        Object[] values = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            values[i] = normalize(row[i]);
        }
        return new RowKey(values);
    }

    /** Returns whether any value of the key is null. */
    public boolean hasNull() {
        for (Object value : values) {
            if (value == null) {
                return true;
            }
        }
        return false;
    }

    private static Object normalize(Object value) {
        return switch (value) {
            case null -> null;
            case Integer i -> (long) i;
            case Short s -> (long) s;
            case Byte b -> (long) b;
            case BigDecimal d -> normalizeDecimal(d);
            case Float f -> normalizeDouble(f.doubleValue());
            case Double d -> normalizeDouble(d);
            case byte[] bytes -> ByteBuffer.wrap(bytes);
            case OffsetDateTime t -> t.toInstant();
            case PgInterval i -> IntervalSpan.of(i);
            case java.util.List<?> list -> list.stream().map(RowKey::normalize).toList();
            default -> value;
        };
    }

    /** An interval as PostgreSQL hashes it: its whole span with 30-day months, so '1 mon' and '30 days' are one key. */
    private record IntervalSpan(long days, long micros) {
        static IntervalSpan of(PgInterval i) {
            long micros = i.microseconds();
            return new IntervalSpan(i.months() * 30L + i.days() + Math.floorDiv(micros, PgInterval.MICROS_PER_DAY),
                    Math.floorMod(micros, PgInterval.MICROS_PER_DAY));
        }
    }

    private static Object normalizeDecimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.compareTo(LONG_MIN) >= 0 && stripped.compareTo(LONG_MAX) <= 0) {
            return stripped.longValue();
        }
        return stripped;
    }

    private static Object normalizeDouble(double value) {
        if (value == 0.0) {
            return 0L;
        }
        if (value == Math.rint(value) && Math.abs(value) < 0x1p62) {
            return (long) value;
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowKey key && hash == key.hash && Arrays.equals(values, key.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
