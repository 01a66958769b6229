package org.modgres.shmem.impl;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.modgres.api.storage.KeyRange;

/**
 * The order of index keys as PostgreSQL's B-tree keeps it: column by column, ascending, NULLs
 * after every value; and whether a key lies in a {@link KeyRange}.
 */
final class KeyOrder {

    /** What {@link #toBound} returns for a row whose key has a NULL before it differs from the bound. */
    private static final int NULL_REACHED = Integer.MIN_VALUE;

    private KeyOrder() {
    }

    /** Compares two rows on {@code columns}, NULLs last. */
    static Comparator<Object[]> rows(List<Integer> columns) {
        return (left, right) -> {
            for (int column : columns) {
                int order = values(left[column], right[column]);
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        };
    }

    /** Whether the row's values in {@code columns} lie in the range. */
    static boolean inRange(Object[] row, List<Integer> columns, KeyRange range) {
        Object[] lower = range.lower();
        if (lower != null) {
            int order = toBound(row, columns, lower);
            if (order == NULL_REACHED || order < 0 || order == 0 && !range.lowerInclusive()) {
                return false;
            }
        }
        Object[] upper = range.upper();
        if (upper != null) {
            int order = toBound(row, columns, upper);
            return order != NULL_REACHED && (order < 0 || order == 0 && range.upperInclusive());
        }
        return true;
    }

    /** Compares a row's key with a bound on the bound's prefix; a NULL lies outside every bound. */
    private static int toBound(Object[] row, List<Integer> columns, Object[] bound) {
        for (int i = 0; i < bound.length; i++) {
            Object value = row[columns.get(i)];
            if (value == null) {
                return NULL_REACHED;
            }
            int order = values(value, bound[i]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int values(Object left, Object right) {
        if (left == null || right == null) {
            return left == null ? right == null ? 0 : 1 : -1;
        }
        if (left instanceof byte[] leftBytes && right instanceof byte[] rightBytes) {
            return Arrays.compareUnsigned(leftBytes, rightBytes);
        }
        if (left instanceof Number leftNumber && right instanceof Number rightNumber
                && left.getClass() != right.getClass()) {
            return new java.math.BigDecimal(leftNumber.toString()).compareTo(new java.math.BigDecimal(rightNumber.toString()));
        }
        return ((Comparable) left).compareTo(right);
    }
}
