package org.modgres.executor.impl.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The ordering of non-null values, with numbers compared across their classes as PostgreSQL does. */
public final class Comparisons {

    private Comparisons() {
    }

    /** Compares two non-null values of comparable types. */
    public static int compare(Object a, Object b) {
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return compareArrays(x, y);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.compareUnsigned(x, y);
        }
        if (a instanceof UUID x && b instanceof UUID y) {
            int c = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
            return c != 0 ? c : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
        }
        if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
            return x.toInstant().compareTo(y.toInstant());
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable<?>) {
            @SuppressWarnings("unchecked")
            Comparable<Object> comparable = (Comparable<Object>) a;
            return comparable.compareTo(b);
        }
        return compareMixed(a, b);
    }

    /**
     * Compares arrays as PostgreSQL's btree does: element by element, a NULL element after every
     * value, then the shorter array first.
     */
    private static int compareArrays(List<?> a, List<?> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c = x == null ? (y == null ? 0 : 1) : y == null ? -1 : compare(x, y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Compares character(n) values, whose trailing spaces do not count. */
    public static int compareBlankPadded(String a, String b) {
        return stripTrailingSpaces(a).compareTo(stripTrailingSpaces(b));
    }

    /** Returns a string without its trailing spaces, as bpchar compares and measures it. */
    public static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    private static int compareNumbers(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (a instanceof Double || a instanceof Float || b instanceof Double || b instanceof Float) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return x == y ? 0 : Double.compare(x, y);
        }
        return Numerics.toBigDecimal(a).compareTo(Numerics.toBigDecimal(b));
    }

    /** Returns whether a number is of one of the integer classes. */
    public static boolean isIntegral(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
    }

    private static int compareMixed(Object a, Object b) {
        if (a instanceof LocalDate || a instanceof LocalDateTime || a instanceof OffsetDateTime) {
            if (b instanceof LocalDate || b instanceof LocalDateTime || b instanceof OffsetDateTime) {
                return instant(a).compareTo(instant(b));
            }
        }
        if (a instanceof String || b instanceof String) {
            return TextFormat.format(a).compareTo(TextFormat.format(b));
        }
        throw PgErrors.notSupported("comparing " + Casts.typeNameOf(a) + " with " + Casts.typeNameOf(b));
    }

    private static LocalDateTime instant(Object value) {
        return switch (value) {
            case LocalDate d -> d.atStartOfDay();
            case OffsetDateTime t -> t.atZoneSameInstant(SessionTimeZone.current()).toLocalDateTime();
            default -> (LocalDateTime) value;
        };
    }

    /** Returns whether two non-null values are equal in SQL's sense ({@code 1 = 1.0}). */
    public static boolean equal(Object a, Object b) {
        if (a.getClass() == b.getClass() && !(a instanceof BigDecimal) && !(a instanceof byte[])
                && !(a instanceof Double) && !(a instanceof Float) && !(a instanceof OffsetDateTime)
                && !(a instanceof org.modgres.api.type.PgInterval) && !(a instanceof List<?>)) {
            return a.equals(b);
        }
        return compare(a, b) == 0;
    }
}
