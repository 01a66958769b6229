package org.modgres.api.type;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * The binary format of values (format code 1), as PostgreSQL's send and receive functions define
 * it: big-endian integers, IEEE floats, numeric in base 10000, UTF-8 text, dates as Int32 days and
 * times and timestamps as Int64 microseconds, counted from 2000-01-01 (in UTC for timestamptz),
 * intervals as Int64 microseconds, Int32 days and Int32 months,
 * with the largest and smallest values standing for infinity. Values have the Java classes
 * {@link PgType} names, with the conventions {@link TextFormat} describes; {@code null} is SQL
 * NULL both ways. Byte arrays of bytea are passed through without a copy.
 */
public final class BinaryFormat {
    private static final String BAD_FORMAT = "incorrect binary data format";

    private BinaryFormat() {
    }

    /**
     * Encodes a value.
     *
     * @throws IllegalArgumentException when the value is not of the type's Java class
     * @throws PgException when it cannot be represented (a timestamp beyond PostgreSQL's range)
     */
    public static byte[] encode(PgType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case BOOL -> new byte[] {(byte) (JavaValues.as(type, Boolean.class, value) ? 1 : 0)};
            case INT2 -> ByteBuffer.allocate(2).putShort((short) JavaValues.asIntegral(type, value)).array();
            case INT4 -> ByteBuffer.allocate(4).putInt((int) JavaValues.asIntegral(type, value)).array();
            case INT8 -> ByteBuffer.allocate(8).putLong(JavaValues.asIntegral(type, value)).array();
            case OID -> ByteBuffer.allocate(4).putInt((int) JavaValues.asIntegral(type, value)).array();
            case FLOAT4 -> ByteBuffer.allocate(4).putFloat((float) JavaValues.asDouble(type, value)).array();
            case FLOAT8 -> ByteBuffer.allocate(8).putDouble(JavaValues.asDouble(type, value)).array();
            case NUMERIC -> NumericBinary.encode(JavaValues.asBigDecimal(value));
            case TEXT, VARCHAR, BPCHAR, NAME, UNKNOWN, CHAR ->
                    JavaValues.as(type, String.class, value).getBytes(StandardCharsets.UTF_8);
            case BYTEA -> JavaValues.as(type, byte[].class, value);
            case DATE -> ByteBuffer.allocate(4).putInt(days(JavaValues.as(type, LocalDate.class, value))).array();
            case TIME -> ByteBuffer.allocate(8)
                    .putLong(PgDateTimes.microsOfDay(JavaValues.as(type, LocalTime.class, value))).array();
            case TIMESTAMP -> ByteBuffer.allocate(8)
                    .putLong(micros(JavaValues.as(type, LocalDateTime.class, value))).array();
            case TIMESTAMPTZ -> ByteBuffer.allocate(8).putLong(micros(JavaValues.asOffsetDateTime(value))).array();
            case INTERVAL -> interval(JavaValues.as(type, PgInterval.class, value));
            case UUID -> uuid(JavaValues.as(type, UUID.class, value));
            case JSON -> value.toString().getBytes(StandardCharsets.UTF_8);
            case JSONB -> jsonb(value.toString());
            case BOOL_ARRAY, BYTEA_ARRAY, BPCHAR_ARRAY, VARCHAR_ARRAY, FLOAT4_ARRAY, FLOAT8_ARRAY, TIMESTAMP_ARRAY,
                 DATE_ARRAY, TIME_ARRAY, TIMESTAMPTZ_ARRAY, INTERVAL_ARRAY, NUMERIC_ARRAY, UUID_ARRAY, JSON_ARRAY,
                 JSONB_ARRAY ->
                    ArrayBinary.encode(type, JavaValues.as(type, List.class, value));
            case VOID -> new byte[0];
            case INT2VECTOR, OIDVECTOR, CHAR_ARRAY, NAME_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY,
                 OID_ARRAY ->
                    ArrayBinary.encode(type, JavaValues.as(type, List.class, value));
        };
    }

    /**
     * Decodes a value.
     *
     * @throws PgException 22P03 when the bytes are not a value of the type
     */
    public static Object decode(PgType type, byte[] bytes) {
        return decode(type, bytes, BAD_FORMAT);
    }

    /**
     * Decodes the value of a Bind parameter, reporting a malformed one with PostgreSQL's
     * {@code incorrect binary data format in bind parameter N}.
     *
     * @param parameterNumber the 1-based number of the parameter
     */
    public static Object decodeParameter(PgType type, byte[] bytes, int parameterNumber) {
        return decode(type, bytes, BAD_FORMAT + " in bind parameter " + parameterNumber);
    }

    private static Object decode(PgType type, byte[] bytes, String lengthError) {
        if (bytes == null) {
            return null;
        }
        return switch (type) {
            case BOOL -> buffer(bytes, 1, lengthError).get() != 0;
            case INT2 -> buffer(bytes, 2, lengthError).getShort();
            case INT4 -> buffer(bytes, 4, lengthError).getInt();
            case INT8 -> buffer(bytes, 8, lengthError).getLong();
            case OID -> buffer(bytes, 4, lengthError).getInt() & 0xffff_ffffL;
            case FLOAT4 -> buffer(bytes, 4, lengthError).getFloat();
            case FLOAT8 -> buffer(bytes, 8, lengthError).getDouble();
            case NUMERIC -> NumericBinary.decode(bytes, lengthError);
            case TEXT, VARCHAR, BPCHAR, NAME, UNKNOWN, CHAR -> new String(bytes, StandardCharsets.UTF_8);
            case BYTEA -> bytes;
            case DATE -> date(buffer(bytes, 4, lengthError).getInt());
            case TIME -> time(buffer(bytes, 8, lengthError).getLong());
            case TIMESTAMP -> timestamp(buffer(bytes, 8, lengthError).getLong());
            case TIMESTAMPTZ -> timestamptz(buffer(bytes, 8, lengthError).getLong());
            case INTERVAL -> {
                ByteBuffer in = buffer(bytes, 16, lengthError);
                long microseconds = in.getLong();
                int days = in.getInt();
                yield new PgInterval(in.getInt(), days, microseconds);
            }
            case UUID -> {
                ByteBuffer in = buffer(bytes, 16, lengthError);
                yield new UUID(in.getLong(), in.getLong());
            }
            case JSON -> PgJson.parse(new String(bytes, StandardCharsets.UTF_8));
            case JSONB -> {
                if (bytes.length == 0 || bytes[0] != JSONB_VERSION) {
                    throw new PgException(SqlState.INVALID_BINARY_REPRESENTATION, "unsupported jsonb version number "
                            + (bytes.length == 0 ? 0 : bytes[0]));
                }
                yield PgJsonb.parse(new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8));
            }
            case BOOL_ARRAY, BYTEA_ARRAY, BPCHAR_ARRAY, VARCHAR_ARRAY, FLOAT4_ARRAY, FLOAT8_ARRAY, TIMESTAMP_ARRAY,
                 DATE_ARRAY, TIME_ARRAY, TIMESTAMPTZ_ARRAY, INTERVAL_ARRAY, NUMERIC_ARRAY, UUID_ARRAY, JSON_ARRAY,
                 JSONB_ARRAY ->
                    ArrayBinary.decode(type, bytes, lengthError);
            case VOID -> null;
            case INT2VECTOR, OIDVECTOR, CHAR_ARRAY, NAME_ARRAY, INT2_ARRAY, INT4_ARRAY, INT8_ARRAY, TEXT_ARRAY,
                 OID_ARRAY ->
                    ArrayBinary.decode(type, bytes, lengthError);
        };
    }

    private static ByteBuffer buffer(byte[] bytes, int length, String lengthError) {
        if (bytes.length != length) {
            throw new PgException(SqlState.INVALID_BINARY_REPRESENTATION, lengthError);
        }
        return ByteBuffer.wrap(bytes);
    }

    private static int days(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return Integer.MAX_VALUE;
        }
        if (d.equals(LocalDate.MIN)) {
            return Integer.MIN_VALUE;
        }
        if (!PgDateTimes.inRange(d)) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range");
        }
        return (int) (d.toEpochDay() - PgDateTimes.POSTGRES_EPOCH.toEpochDay());
    }

    private static LocalDate date(int days) {
        if (days == Integer.MAX_VALUE) {
            return LocalDate.MAX;
        }
        if (days == Integer.MIN_VALUE) {
            return LocalDate.MIN;
        }
        LocalDate d = PgDateTimes.POSTGRES_EPOCH.plusDays(days);
        if (!PgDateTimes.inRange(d)) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range");
        }
        return d;
    }

    private static LocalTime time(long micros) {
        if (micros < 0 || micros > PgDateTimes.MICROS_PER_DAY) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "time out of range");
        }
        return PgDateTimes.timeOfMicros(micros);
    }

    private static long micros(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return Long.MAX_VALUE;
        }
        if (t.equals(LocalDateTime.MIN)) {
            return Long.MIN_VALUE;
        }
        LocalDateTime rounded = PgDateTimes.roundToMicros(t);
        if (!PgDateTimes.inRange(rounded)) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
        return PgDateTimes.microsSinceEpoch(rounded);
    }

    private static long micros(OffsetDateTime t) {
        if (t.equals(OffsetDateTime.MAX)) {
            return Long.MAX_VALUE;
        }
        if (t.equals(OffsetDateTime.MIN)) {
            return Long.MIN_VALUE;
        }
        return micros(PgDateTimes.utc(t));
    }

    private static LocalDateTime timestamp(long micros) {
        if (micros == Long.MAX_VALUE) {
            return LocalDateTime.MAX;
        }
        if (micros == Long.MIN_VALUE) {
            return LocalDateTime.MIN;
        }
        LocalDateTime t = PgDateTimes.timestampOfMicros(micros);
        if (!PgDateTimes.inRange(t)) {
            throw new PgException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
        return t;
    }

    private static OffsetDateTime timestamptz(long micros) {
        if (micros == Long.MAX_VALUE) {
            return OffsetDateTime.MAX;
        }
        if (micros == Long.MIN_VALUE) {
            return OffsetDateTime.MIN;
        }
        return timestamp(micros).atOffset(ZoneOffset.UTC);
    }

    /** PostgreSQL's interval_send: the time part, then days, then months. */
    private static byte[] interval(PgInterval i) {
        return ByteBuffer.allocate(16).putLong(i.microseconds()).putInt(i.days()).putInt(i.months()).array();
    }

    /** The version byte that starts jsonb's binary form, followed by the text. */
    private static final byte JSONB_VERSION = 1;

    private static byte[] jsonb(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + 1];
        out[0] = JSONB_VERSION;
        System.arraycopy(utf8, 0, out, 1, utf8.length);
        return out;
    }

    private static byte[] uuid(UUID u) {
        return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }
}
