package org.modgres.shmem.impl.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

class ValueCodecTest {

    private static Object roundTrip(PgType type, Object value) {
        ByteOutput out = new ByteOutput();
        ValueCodec.write(out, type, value);
        ByteInput in = new ByteInput(out.array(), 0, out.size());
        Object read = ValueCodec.read(in, type);
        assertEquals(0, in.remaining(), "all bytes consumed for " + type);
        return read;
    }

    private static void assertExact(PgType type, Object value) {
        Object read = roundTrip(type, value);
        assertEquals(value.getClass(), read.getClass(), type.toString());
        if (value instanceof byte[] bytes) {
            assertArrayEquals(bytes, (byte[]) read);
        } else {
            assertEquals(value, read, type.toString());
        }
    }

    private static void assertListRoundTrip(PgType type, List<?> value) {
        assertEquals(value, roundTrip(type, value), type.toString());
    }

    @Test
    void every_type_reads_back_equal_and_of_the_same_class() {
        assertExact(PgType.BOOL, true);
        assertExact(PgType.BOOL, false);
        for (short s : new short[] {0, 1, -1, Short.MIN_VALUE, Short.MAX_VALUE}) {
            assertExact(PgType.INT2, s);
        }
        for (int i : new int[] {0, 63, 64, -64, -65, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertExact(PgType.INT4, i);
        }
        for (long l : new long[] {0, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40}) {
            assertExact(PgType.INT8, l);
        }
        assertExact(PgType.OID, 4_294_967_295L);
        assertExact(PgType.FLOAT4, Float.NaN);
        assertExact(PgType.FLOAT4, -0.0f);
        assertExact(PgType.FLOAT8, Double.NEGATIVE_INFINITY);
        assertExact(PgType.FLOAT8, 0.1);
        for (String s : new String[] {"10.00", "0", "-0.000001", "1E+5", "123456789012345678901234567890.123456789"}) {
            assertExact(PgType.NUMERIC, new BigDecimal(s));
        }
        assertExact(PgType.TEXT, "");
        assertExact(PgType.VARCHAR, "grüße, 東京 🐘");
        assertExact(PgType.BPCHAR, "ab  ");
        assertExact(PgType.NAME, "public");
        assertExact(PgType.BYTEA, new byte[] {0, -1, 127, -128});
        assertExact(PgType.DATE, LocalDate.of(1999, 12, 31));
        assertExact(PgType.DATE, LocalDate.MIN);
        assertExact(PgType.TIME, LocalTime.of(23, 59, 59, 999_999_000));
        assertExact(PgType.TIMESTAMP, LocalDateTime.of(1969, 7, 20, 20, 17, 40, 123_456_000));
        assertExact(PgType.TIMESTAMPTZ, OffsetDateTime.of(2024, 2, 29, 12, 0, 0, 1000, ZoneOffset.ofHoursMinutes(5, 30)));
        assertExact(PgType.UUID, UUID.randomUUID());
        assertExact(PgType.INTERVAL, new org.modgres.api.type.PgInterval(14, -3, 14_706_789_000L));
        assertExact(PgType.INTERVAL, new org.modgres.api.type.PgInterval(Integer.MIN_VALUE, Integer.MAX_VALUE,
                Long.MIN_VALUE));
    }

    @Test
    void json_keeps_its_text_and_jsonb_its_value() {
        assertExact(PgType.JSON, org.modgres.api.type.PgJson.parse("{\"b\":1,  \"a\":[1,2], \"b\":2}"));
        org.modgres.api.type.PgJsonb jsonb = org.modgres.api.type.PgJsonb.parse("{\"b\":1.50, \"a\":[\"x\\n\", null]}");
        assertExact(PgType.JSONB, jsonb);
        assertEquals(jsonb.toString(), roundTrip(PgType.JSONB, jsonb).toString());
    }

    @Test
    void arrays_of_every_element_type_read_back_with_their_nulls() {
        assertListRoundTrip(PgType.BOOL_ARRAY, java.util.Arrays.asList(true, null, false));
        assertListRoundTrip(PgType.INT4_ARRAY, List.of());
        assertListRoundTrip(PgType.FLOAT8_ARRAY, java.util.Arrays.asList(1.5, null, Double.NaN));
        assertListRoundTrip(PgType.FLOAT4_ARRAY, List.of(-0.0f));
        assertListRoundTrip(PgType.NUMERIC_ARRAY, List.of(new BigDecimal("1.50"), new BigDecimal("-3")));
        assertListRoundTrip(PgType.VARCHAR_ARRAY, java.util.Arrays.asList("a b", null, ""));
        assertListRoundTrip(PgType.BPCHAR_ARRAY, List.of("ab  "));
        assertListRoundTrip(PgType.DATE_ARRAY, List.of(LocalDate.of(2024, 1, 2)));
        assertListRoundTrip(PgType.TIME_ARRAY, List.of(LocalTime.of(10, 0)));
        assertListRoundTrip(PgType.TIMESTAMP_ARRAY, List.of(LocalDateTime.of(2024, 1, 2, 3, 4, 5)));
        assertListRoundTrip(PgType.TIMESTAMPTZ_ARRAY, List.of(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)));
        assertListRoundTrip(PgType.INTERVAL_ARRAY, List.of(new org.modgres.api.type.PgInterval(1, 2, 3)));
        assertListRoundTrip(PgType.UUID_ARRAY, List.of(UUID.randomUUID()));
        assertListRoundTrip(PgType.JSON_ARRAY, java.util.Arrays.asList(
                org.modgres.api.type.PgJson.parse("{\"k\" : 1}"), null));
        assertListRoundTrip(PgType.JSONB_ARRAY, List.of(org.modgres.api.type.PgJsonb.parse("[1, \"x\"]")));
        List<?> bytes = (List<?>) roundTrip(PgType.BYTEA_ARRAY, java.util.Arrays.asList(new byte[] {1, -1}, null));
        assertArrayEquals(new byte[] {1, -1}, (byte[]) bytes.get(0));
        assertEquals(null, bytes.get(1));
    }

    @Test
    void array_elements_of_a_close_class_are_stored_as_the_elements_type() {
        assertEquals(List.of(1.0, 2.5), roundTrip(PgType.FLOAT8_ARRAY, List.of(1, 2.5f)));
        assertEquals(List.of(9L), roundTrip(PgType.INT8_ARRAY, List.of(9)));
    }

    @Test
    void numeric_keeps_its_scale() {
        BigDecimal read = (BigDecimal) roundTrip(PgType.NUMERIC, new BigDecimal("2.50"));
        assertEquals(2, read.scale());
        assertEquals("2.50", read.toPlainString());
    }

    @Test
    void small_values_take_few_bytes() {
        ByteOutput out = new ByteOutput();
        ValueCodec.write(out, PgType.INT4, 42);
        ValueCodec.write(out, PgType.NUMERIC, new BigDecimal("10.00"));
        assertTrue(out.size() <= 4, "42 and 10.00 take " + out.size() + " bytes");
    }

    @Test
    void close_relatives_become_the_types_class() {
        assertEquals(7L, ValueCodec.canonical(PgType.INT8, 7));
        assertEquals((short) 7, ValueCodec.canonical(PgType.INT2, 7L));
        assertEquals(new BigDecimal(BigInteger.TEN), ValueCodec.canonical(PgType.NUMERIC, BigInteger.TEN));
        assertEquals(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                ValueCodec.canonical(PgType.TIMESTAMPTZ, Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> ValueCodec.canonical(PgType.INT2, 70_000));
        assertThrows(IllegalArgumentException.class, () -> ValueCodec.canonical(PgType.INT4, "1"));
    }

    @Test
    void rows_and_definitions_round_trip() {
        List<ColumnInfo> columns = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            columns.add(new ColumnInfo("c" + i, i % 2 == 0 ? ColumnType.of(PgType.INT4) : ColumnType.ofLength(PgType.VARCHAR, 20),
                    i == 0));
        }
        TableInfo info = new TableInfo(16390, "public", "wide", columns, List.of(0, 2));
        ByteOutput out = new ByteOutput();
        TableInfoCodec.write(out, info);
        Object[] row = {1, null, 3, "four", null, null, 7, "eight", 9, null};
        RowCodec codec = new RowCodec(columns);
        codec.write(out, row);

        ByteInput in = new ByteInput(out.array(), 0, out.size());
        assertEquals(info, TableInfoCodec.read(in));
        assertArrayEquals(row, codec.read(in));
        assertEquals(0, in.remaining());
    }

    @Test
    void truncated_input_is_reported_not_misread() {
        ByteOutput out = new ByteOutput();
        out.writeString("hello");
        assertThrows(CorruptDataException.class, () -> new ByteInput(out.array(), 0, 3).readString());
    }
}
