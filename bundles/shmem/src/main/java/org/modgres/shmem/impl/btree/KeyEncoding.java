package org.modgres.shmem.impl.btree;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.modgres.api.type.PgInterval;
import org.modgres.api.type.PgJsonb;

/**
 * Index keys as byte strings whose unsigned lexicographic order is PostgreSQL's B-tree order of the
 * keys: column by column, NULLs after every value, each value in its type's order as the executor
 * sorts it (numerics by value across scale, text by UTF-16 code unit, character(n) without its
 * trailing spaces, floats with -0 = 0 and NaN above infinity, timestamptz by instant, intervals by
 * span, arrays element by element then by length). Every encoding delimits itself, so no encoded
 * key is a proper prefix of another, and a key's encoding is a prefix of the keys that extend it
 * on more columns: a bound on leading columns is a byte prefix.
 *
 * <p>Each column starts with a tag: {@link #VALUE} then the value, or {@link #NULL}.
 */
public final class KeyEncoding {

    static final int VALUE = 0x01;
    static final int NULL = 0x02;
    private static final int END = 0x00;
    private static final int ELEMENT = 0x01;
    private static final int NULL_ELEMENT = 0x02;

    private KeyEncoding() {
    }

    /** The longest key the index stores, as PostgreSQL limits an index row to a third of a page. */
    public static final int MAX_KEY = 2000;

    /** Encodes a key; {@code blankPadded[i]} says that column i is character(n), compared without trailing spaces. */
    public static byte[] encode(Object[] values, boolean[] blankPadded) {
        Out out = new Out(16 + 8 * values.length);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                out.put(NULL);
            } else {
                out.put(VALUE);
                if (blankPadded != null && blankPadded[i] && value instanceof String text) {
                    value = stripTrailingSpaces(text);
                }
                writeValue(out, value);
            }
        }
        return out.bytes();
    }

    /** Encodes a key of one integer column, the usual primary key, without a detour through objects. */
    public static byte[] encodeIntegral(long value) {
        byte[] key = new byte[9];
        key[0] = VALUE;
        putLong(key, 1, value ^ Long.MIN_VALUE);
        return key;
    }

    static void putLong(byte[] into, int at, long value) {
        for (int i = 7; i >= 0; i--) {
            into[at + i] = (byte) value;
            value >>>= 8;
        }
    }

    private static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    private static void writeValue(Out out, Object value) {
        switch (value) {
            case Integer i -> out.putLong(i ^ Long.MIN_VALUE);
            case Long l -> out.putLong(l ^ Long.MIN_VALUE);
            case Short s -> out.putLong(s ^ Long.MIN_VALUE);
            case Byte b -> out.putLong(b ^ Long.MIN_VALUE);
            case BigDecimal d -> writeNumeric(out, d);
            case Double d -> writeDouble(out, d);
            case Float f -> writeDouble(out, f.doubleValue());
            case String s -> writeText(out, s);
            case Boolean b -> out.put(b ? 1 : 0);
            case byte[] bytes -> writeBytes(out, bytes);
            case UUID u -> {
                out.putLong(u.getMostSignificantBits());
                out.putLong(u.getLeastSignificantBits());
            }
            case LocalDate d -> out.putLong(d.toEpochDay() ^ Long.MIN_VALUE);
            case LocalTime t -> out.putLong(t.toNanoOfDay());
            case LocalDateTime t -> {
                out.putLong(t.toEpochSecond(java.time.ZoneOffset.UTC) ^ Long.MIN_VALUE);
                out.putInt(t.getNano());
            }
            case OffsetDateTime t -> {
                out.putLong(t.toEpochSecond() ^ Long.MIN_VALUE);
                out.putInt(t.getNano());
            }
            case PgInterval interval -> writeInterval(out, interval);
            case PgJsonb jsonb -> writeJsonb(out, jsonb);
            case List<?> list -> writeArray(out, list);
            default -> writeText(out, value.toString());
        }
    }

    /**
     * A numeric as sign class, then for a non-zero value its decimal exponent and digits (two a
     * byte, terminated), all inverted for a negative value so that larger magnitudes sort first.
     */
    private static void writeNumeric(Out out, BigDecimal value) {
        int sign = value.signum();
        if (sign == 0) {
            out.put(0x80);
            return;
        }
        BigDecimal normal = value.abs().stripTrailingZeros();
        String digits = normal.unscaledValue().toString();
        long exponent = (long) digits.length() - normal.scale();
        int start = out.size();
        out.put(sign > 0 ? 0xC0 : 0x40);
        out.putLong(exponent ^ Long.MIN_VALUE);
        for (int i = 0; i < digits.length(); i += 2) {
            int high = digits.charAt(i) - '0';
            int low = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0;
            out.put(high * 10 + low + 1);
        }
        out.put(END);
        if (sign < 0) {
            out.invertFrom(start + 1);
        }
    }

    /** Doubles by their bits, with -0 as 0 and every NaN as one NaN above infinity, as PostgreSQL orders float8. */
    private static void writeDouble(Out out, double value) {
        double normal = value == 0.0 ? 0.0 : Double.isNaN(value) ? Double.NaN : value;
        long bits = Double.doubleToLongBits(normal);
        out.putLong(bits < 0 ? ~bits : bits ^ Long.MIN_VALUE);
    }

    /** UTF-16 code units in order: below 0x7F one byte (unit + 1), else three; a zero byte ends it. */
    private static void writeText(Out out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x7F) {
                out.put(c + 1);
            } else {
                out.put(0x80 | c >>> 14);
                out.put((c >>> 7) & 0x7F);
                out.put(c & 0x7F);
            }
        }
        out.put(END);
    }

    /** Bytes with 0 escaped as 0 0xFF, ended by 0 0: shorter sorts first, as memcmp then length. */
    private static void writeBytes(Out out, byte[] bytes) {
        for (byte b : bytes) {
            out.put(b & 0xFF);
            if (b == 0) {
                out.put(0xFF);
            }
        }
        out.put(0);
        out.put(0);
    }

    private static void writeInterval(Out out, PgInterval interval) {
        long micros = interval.microseconds();
        long wholeDays = (long) interval.months() * PgInterval.DAYS_PER_MONTH + interval.days()
                + Math.floorDiv(micros, PgInterval.MICROS_PER_DAY);
        out.putLong(wholeDays ^ Long.MIN_VALUE);
        out.putLong(Math.floorMod(micros, PgInterval.MICROS_PER_DAY));
    }

    private static void writeArray(Out out, List<?> elements) {
        for (Object element : elements) {
            if (element == null) {
                out.put(NULL_ELEMENT);
            } else {
                out.put(ELEMENT);
                writeValue(out, element);
            }
        }
        out.put(END);
    }

    /** jsonb in its B-tree order: an empty top-level array first, then by kind, containers by size first. */
    private static void writeJsonb(Out out, PgJsonb jsonb) {
        Object root = jsonb.root();
        if (root instanceof List<?> list && list.isEmpty()) {
            out.put(0);
            return;
        }
        out.put(1);
        writeJsonNode(out, root);
    }

    private static void writeJsonNode(Out out, Object node) {
        switch (node) {
            case Map<?, ?> map -> {
                out.put(5);
                out.putInt(map.size());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    writeText(out, (String) entry.getKey());
                    writeJsonNode(out, entry.getValue());
                }
            }
            case List<?> list -> {
                out.put(4);
                out.putInt(list.size());
                for (Object element : list) {
                    writeJsonNode(out, element);
                }
            }
            case Boolean b -> {
                out.put(3);
                out.put(b ? 1 : 0);
            }
            case BigDecimal n -> {
                out.put(2);
                writeNumeric(out, n);
            }
            case String s -> {
                out.put(1);
                writeText(out, s);
            }
            case null, default -> out.put(0);
        }
    }

    /** A growing byte buffer. */
    private static final class Out {
        private byte[] bytes;
        private int size;

        Out(int capacity) {
            bytes = new byte[capacity];
        }

        int size() {
            return size;
        }

        void put(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = (byte) b;
        }

        void putLong(long value) {
            if (size + 8 > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + 8));
            }
            KeyEncoding.putLong(bytes, size, value);
            size += 8;
        }

        void putInt(int value) {
            if (size + 4 > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + 4));
            }
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        void invertFrom(int start) {
            for (int i = start; i < size; i++) {
                bytes[i] = (byte) ~bytes[i];
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
