package org.modgres.api.storage;

import java.util.Arrays;

/**
 * A range of an index's keys, as a B-tree scan reads it: the keys between a lower and an upper
 * bound. A bound is a prefix of the index's columns (values in index-column order, in the Java
 * classes of those columns), compared with a key on that prefix only, so {@code a = 5 AND b > 3}
 * over an index on (a, b) is the range from {@code (5, 3)} exclusive to {@code (5)} inclusive.
 * A null bound is no bound; a key with a NULL in a bounded column lies outside every bounded
 * range, as no comparison with NULL is true.
 *
 * @param lower          the lowest keys, or null for none
 * @param lowerInclusive whether keys equal to {@code lower} on its prefix are in the range
 * @param upper          the highest keys, or null for none
 * @param upperInclusive whether keys equal to {@code upper} on its prefix are in the range
 */
public record KeyRange(Object[] lower, boolean lowerInclusive, Object[] upper, boolean upperInclusive) {

    /** Every key, NULLs included. */
    public static final KeyRange ALL = new KeyRange(null, true, null, true);

    public KeyRange {
        lower = lower == null ? null : lower.clone();
        upper = upper == null ? null : upper.clone();
        if (hasNull(lower) || hasNull(upper)) {
            throw new IllegalArgumentException("a key range bound has no NULL in it");
        }
    }

    /** The keys equal to {@code prefix} on its columns. */
    public static KeyRange equalTo(Object... prefix) {
        return new KeyRange(prefix, true, prefix, true);
    }

    @Override
    public Object[] lower() {
        return lower == null ? null : lower.clone();
    }

    @Override
    public Object[] upper() {
        return upper == null ? null : upper.clone();
    }

    /** The number of leading index columns a bound constrains. */
    public int boundedColumns() {
        return Math.max(lower == null ? 0 : lower.length, upper == null ? 0 : upper.length);
    }

    private static boolean hasNull(Object[] bound) {
        return bound != null && Arrays.stream(bound).anyMatch(value -> value == null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyRange range && lowerInclusive == range.lowerInclusive
                && upperInclusive == range.upperInclusive && Arrays.equals(lower, range.lower)
                && Arrays.equals(upper, range.upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper) + (lowerInclusive ? 2 : 0) + (upperInclusive ? 1 : 0);
    }

    @Override
    public String toString() {
        return (lowerInclusive ? "[" : "(") + Arrays.toString(lower) + ", " + Arrays.toString(upper)
                + (upperInclusive ? "]" : ")");
    }
}
