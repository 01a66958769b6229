package org.modgres.shmem.impl.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.modgres.api.type.PgInterval;
import org.modgres.api.type.PgType;

/**
 * The binary form of one non-null value of a {@link PgType}, as the log and the checkpoint files
 * store it. Every form is exact: a value reads back equal to, and of the same class as, the one
 * written ({@code numeric} keeps its scale, {@code timestamptz} its offset).
 */
public final class ValueCodec {

    private ValueCodec() {
    }

    /**
     * Returns the value as the class {@link PgType} names for the type, converting a close relative
     * (an {@link Integer} for {@code int8}, an {@link Instant} for {@code timestamptz}).
     *
     * @throws IllegalArgumentException when the value cannot be a value of the type
     */
    public static Object canonical(PgType type, Object value) {
        if (value == null || type.javaClass().isInstance(value)) {
            return value;
        }
        Object converted = switch (type) {
            case INT2 -> {
                Long v = integral(value, Short.MIN_VALUE, Short.MAX_VALUE);
                yield v == null ? null : (Object) v.shortValue();
            }
            case INT4 -> {
                Long v = integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
                yield v == null ? null : (Object) v.intValue();
            }
            case INT8, OID -> integral(value, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT4 -> value instanceof Number n ? (Object) n.floatValue() : null;
            case FLOAT8 -> value instanceof Number n ? (Object) n.doubleValue() : null;
            case NUMERIC -> decimal(value);
            case TEXT, VARCHAR, BPCHAR, NAME, UNKNOWN, CHAR -> value instanceof Character c ? String.valueOf(c) : null;
            case JSON -> value instanceof String s ? org.modgres.api.type.PgJson.parse(s) : null;
            case JSONB -> value instanceof String s ? org.modgres.api.type.PgJsonb.parse(s) : null;
            case TIMESTAMPTZ -> switch (value) {
                case ZonedDateTime t -> t.toOffsetDateTime();
                case Instant i -> i.atOffset(ZoneOffset.UTC);
                default -> null;
            };
            default -> null;
        };
        if (converted == null) {
            throw new IllegalArgumentException("a value of class " + value.getClass().getName()
                    + " cannot be stored as " + type.typname());
        }
        return converted;
    }

    private static Long integral(Object value, long min, long max) {
        long v;
        if (value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof Long) {
            v = ((Number) value).longValue();
        } else {
            return null;
        }
        return v >= min && v <= max ? v : null;
    }

    private static BigDecimal decimal(Object value) {
        return switch (value) {
            case BigInteger b -> new BigDecimal(b);
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            default -> null;
        };
    }

    /** Writes a non-null value already in its canonical class. */
    public static void write(ByteOutput out, PgType type, Object value) {
        switch (type) {
            case BOOL -> out.writeByte((Boolean) value ? 1 : 0);
            case INT2 -> out.writeSignedVarLong((Short) value);
            case INT4 -> out.writeSignedVarLong((Integer) value);
            case INT8, OID -> out.writeSignedVarLong((Long) value);
            case FLOAT4 -> out.writeInt(Float.floatToRawIntBits((Float) value));
            case FLOAT8 -> out.writeLong(Double.doubleToRawLongBits((Double) value));
            case NUMERIC -> writeNumeric(out, (BigDecimal) value);
            case TEXT, VARCHAR, BPCHAR, NAME, UNKNOWN, CHAR -> out.writeString((String) value);
            case CHAR_ARRAY, NAME_ARRAY, INT2_ARRAY, INT4_ARRAY, TEXT_ARRAY, INT8_ARRAY, OID_ARRAY, INT2VECTOR,
                 OIDVECTOR -> writeElements(out, type.elementType(), (List<?>) value);
            case BYTEA -> out.writeByteArray((byte[]) value);
            case DATE -> out.writeSignedVarLong(((LocalDate) value).toEpochDay());
            case TIME -> out.writeVarLong(((LocalTime) value).toNanoOfDay());
            case TIMESTAMP -> writeInstant(out, ((LocalDateTime) value).toEpochSecond(ZoneOffset.UTC),
                    ((LocalDateTime) value).getNano());
            case TIMESTAMPTZ -> {
                OffsetDateTime t = (OffsetDateTime) value;
                writeInstant(out, t.toEpochSecond(), t.getNano());
                out.writeSignedVarLong(t.getOffset().getTotalSeconds());
            }
            case INTERVAL -> {
                PgInterval interval = (PgInterval) value;
                out.writeSignedVarLong(interval.months());
                out.writeSignedVarLong(interval.days());
                out.writeSignedVarLong(interval.microseconds());
            }
            case UUID -> {
                out.writeLong(((UUID) value).getMostSignificantBits());
                out.writeLong(((UUID) value).getLeastSignificantBits());
            }
            // json as written; jsonb as its normalised text, which reads back to an equal tree
            case JSON, JSONB -> out.writeString(value.toString());
            case BOOL_ARRAY, BYTEA_ARRAY, BPCHAR_ARRAY, VARCHAR_ARRAY, FLOAT4_ARRAY, FLOAT8_ARRAY, TIMESTAMP_ARRAY,
                 DATE_ARRAY, TIME_ARRAY, TIMESTAMPTZ_ARRAY, INTERVAL_ARRAY, NUMERIC_ARRAY, UUID_ARRAY, JSON_ARRAY,
                 JSONB_ARRAY ->
                    writeElements(out, type.elementType(), (List<?>) value);
            case VOID -> throw new IllegalArgumentException("void has no values");
        }
    }

    /** Writes an array's elements: their number, then each with a null flag. */
    private static void writeElements(ByteOutput out, PgType elementType, List<?> elements) {
        out.writeVarLong(elements.size());
        for (Object element : elements) {
            out.writeByte(element == null ? 0 : 1);
            if (element != null) {
                write(out, elementType, canonical(elementType, element));
            }
        }
    }

    private static List<Object> readElements(ByteInput in, PgType elementType) {
        long count = in.readVarLong();
        if (count > Integer.MAX_VALUE) {
            throw new CorruptDataException("an array of " + count + " elements");
        }
        List<Object> elements = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            elements.add(in.readByte() == 0 ? null : read(in, elementType));
        }
        return Collections.unmodifiableList(elements);
    }

    /** Reads a non-null value written by {@link #write}. */
    public static Object read(ByteInput in, PgType type) {
        return switch (type) {
            case BOOL -> in.readByte() != 0;
            case INT2 -> (short) in.readSignedVarLong();
            case INT4 -> (int) in.readSignedVarLong();
            case INT8, OID -> in.readSignedVarLong();
            case FLOAT4 -> Float.intBitsToFloat(in.readInt());
            case FLOAT8 -> Double.longBitsToDouble(in.readLong());
            case NUMERIC -> readNumeric(in);
            case TEXT, VARCHAR, BPCHAR, NAME, UNKNOWN, CHAR -> in.readString();
            case CHAR_ARRAY, NAME_ARRAY, INT2_ARRAY, INT4_ARRAY, TEXT_ARRAY, INT8_ARRAY, OID_ARRAY, INT2VECTOR,
                 OIDVECTOR -> readElements(in, type.elementType());
            case BYTEA -> in.readByteArray();
            case DATE -> LocalDate.ofEpochDay(in.readSignedVarLong());
            case TIME -> LocalTime.ofNanoOfDay(in.readVarLong());
            case TIMESTAMP -> {
                long seconds = in.readSignedVarLong();
                yield LocalDateTime.ofEpochSecond(seconds, (int) in.readVarLong(), ZoneOffset.UTC);
            }
            case TIMESTAMPTZ -> {
                long seconds = in.readSignedVarLong();
                int nanos = (int) in.readVarLong();
                ZoneOffset offset = ZoneOffset.ofTotalSeconds((int) in.readSignedVarLong());
                yield OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), offset);
            }
            case INTERVAL -> {
                int months = (int) in.readSignedVarLong();
                int days = (int) in.readSignedVarLong();
                yield new PgInterval(months, days, in.readSignedVarLong());
            }
            case UUID -> new UUID(in.readLong(), in.readLong());
            case JSON -> org.modgres.api.type.PgJson.ofValid(in.readString());
            case JSONB -> org.modgres.api.type.PgJsonb.parse(in.readString());
            case BOOL_ARRAY, BYTEA_ARRAY, BPCHAR_ARRAY, VARCHAR_ARRAY, FLOAT4_ARRAY, FLOAT8_ARRAY, TIMESTAMP_ARRAY,
                 DATE_ARRAY, TIME_ARRAY, TIMESTAMPTZ_ARRAY, INTERVAL_ARRAY, NUMERIC_ARRAY, UUID_ARRAY, JSON_ARRAY,
                 JSONB_ARRAY ->
                    readElements(in, type.elementType());
            case VOID -> throw new CorruptDataException("void has no values");
        };
    }

    private static void writeInstant(ByteOutput out, long epochSecond, int nano) {
        out.writeSignedVarLong(epochSecond);
        out.writeVarLong(nano);
    }

    /** The scale, zig-zagged and shifted left once; the low bit says whether the unscaled value is a long. */
    private static void writeNumeric(ByteOutput out, BigDecimal value) {
        long scale = value.scale();
        BigInteger unscaled = value.unscaledValue();
        boolean small = unscaled.bitLength() < 64;
        out.writeVarLong((((scale << 1) ^ (scale >> 63)) << 1) | (small ? 0 : 1));
        if (small) {
            out.writeSignedVarLong(unscaled.longValue());
        } else {
            out.writeByteArray(unscaled.toByteArray());
        }
    }

    private static BigDecimal readNumeric(ByteInput in) {
        long header = in.readVarLong();
        long zigzag = header >>> 1;
        int scale = (int) ((zigzag >>> 1) ^ -(zigzag & 1));
        BigInteger unscaled = (header & 1) == 0
                ? BigInteger.valueOf(in.readSignedVarLong())
                : new BigInteger(in.readByteArray());
        return new BigDecimal(unscaled, scale);
    }
}
