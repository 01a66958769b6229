package org.modgres.shmem.impl;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * The values of a key's columns, compared by value: numerics that differ only in trailing zeros
 * are the same key, as they are equal in PostgreSQL.
 *
 * <p>Most keys are one integer column, looked up on every primary-key point lookup, so such a
 * key holds its value as a primitive and encodes for the index without a detour through objects
 * (see {@link KeyIndex#encode}). One key column of another type skips the array.
 */
abstract sealed class RowKey {

    /** Returns the key of a row, whose key columns are at these positions. */
    static RowKey of(Object[] row, int[] keyColumns) {
        if (keyColumns.length == 1) {
            return single(row[keyColumns[0]]);
        }
        Object[] values = new Object[keyColumns.length];
        for (int i = 0; i < keyColumns.length; i++) {
            values[i] = comparable(row[keyColumns[i]]);
        }
        return new Composite(values);
    }

    /** Returns the key of these values of the key columns, in key order. */
    static RowKey ofValues(Object[] keyValues) {
        if (keyValues.length == 1) {
            return single(keyValues[0]);
        }
        Object[] values = new Object[keyValues.length];
        for (int i = 0; i < keyValues.length; i++) {
            values[i] = comparable(keyValues[i]);
        }
        return new Composite(values);
    }

    private static RowKey single(Object value) {
        return switch (value) {
            case Integer i -> new Integral(i);
            case Long l -> new Integral(l);
            case Short s -> new Integral(s);
            case null, default -> new Single(comparable(value));
        };
    }

    private static Object comparable(Object value) {
        return value instanceof BigDecimal d ? d.stripTrailingZeros() : value;
    }

    /** Returns whether the row, whose key columns are at these positions, has this key. */
    abstract boolean matches(Object[] row, int[] keyColumns);

    abstract boolean hasNull();

    /** The key's values, in key order, for messages. */
    abstract Object[] values();

    @Override
    public String toString() {
        return Arrays.deepToString(values());
    }

    /** One integer column: int2, int4 or int8, whose values never mix within one index. */
    static final class Integral extends RowKey {
        private final long value;

        Integral(long value) {
            this.value = value;
        }

        long value() {
            return value;
        }

        @Override
        boolean matches(Object[] row, int[] keyColumns) {
            return switch (row[keyColumns[0]]) {
                case Integer i -> i == value;
                case Long l -> l == value;
                case Short s -> s == value;
                case null, default -> false;
            };
        }

        @Override
        boolean hasNull() {
            return false;
        }

        @Override
        Object[] values() {
            return new Object[] {value};
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Integral other && other.value == value;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(value);
        }
    }

    /** One column of another type. */
    private static final class Single extends RowKey {
        private final Object value;

        Single(Object value) {
            this.value = value;
        }

        @Override
        boolean matches(Object[] row, int[] keyColumns) {
            return value != null && equalValues(value, comparable(row[keyColumns[0]]));
        }

        @Override
        boolean hasNull() {
            return value == null;
        }

        @Override
        Object[] values() {
            return new Object[] {value};
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Single other && equalValues(value, other.value);
        }

        @Override
        public int hashCode() {
            return value == null ? 0 : value.getClass().isArray() ? Arrays.deepHashCode(new Object[] {value})
                    : value.hashCode();
        }
    }

    /** Several columns. */
    private static final class Composite extends RowKey {
        private final Object[] values;

        Composite(Object[] values) {
            this.values = values;
        }

        @Override
        boolean matches(Object[] row, int[] keyColumns) {
            for (int i = 0; i < keyColumns.length; i++) {
                if (!equalValues(values[i], comparable(row[keyColumns[i]]))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        boolean hasNull() {
            for (Object value : values) {
                if (value == null) {
                    return true;
                }
            }
            return false;
        }

        @Override
        Object[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Composite other && Arrays.deepEquals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(values);
        }
    }

    /** Equality of two key values, arrays (bytea) by content. */
    private static boolean equalValues(Object a, Object b) {
        return Objects.deepEquals(a, b);
    }
}
