package org.modgres.shmem.impl;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The values of a key's columns, compared by value: numerics that differ only in trailing zeros
 * are the same key, as they are equal in PostgreSQL.
 */
record RowKey(Object[] values) {

    static RowKey of(Object[] row, int[] keyColumns) {
        Object[] values = new Object[keyColumns.length];
        for (int i = 0; i < keyColumns.length; i++) {
            Object v = row[keyColumns[i]];
            values[i] = v instanceof BigDecimal d ? d.stripTrailingZeros() : v;
        }
        return new RowKey(values);
    }

    boolean hasNull() {
        for (Object value : values) {
            if (value == null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowKey other && Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(values);
    }
}
