package org.modgres.api.type;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** Expected bytes were produced by PostgreSQL 15.18's send functions (numeric_send, date_send, ...). */
class BinaryFormatTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private static void assertEncodes(String expectedHex, PgType type, Object value) {
        assertArrayEquals(hex(expectedHex), BinaryFormat.encode(type, value), type + " " + value);
        Object decoded = BinaryFormat.decode(type, hex(expectedHex));
        if (value instanceof byte[] bytes) {
            assertArrayEquals(bytes, (byte[]) decoded);
        } else {
            assertEquals(value, decoded, type + " " + expectedHex);
        }
    }

    private static void assertBadFormat(String message, PgType type, byte[] bytes) {
        PgException e = assertThrows(PgException.class, () -> BinaryFormat.decode(type, bytes));
        assertEquals(SqlState.INVALID_BINARY_REPRESENTATION, e.sqlState());
        assertEquals(message, e.getMessage());
    }

    @Test
    void encodes_scalars_big_endian() {
        assertEncodes("01", PgType.BOOL, true);
        assertEncodes("00", PgType.BOOL, false);
        assertEncodes("ff85", PgType.INT2, (short) -123);
        assertEncodes("0000002a", PgType.INT4, 42);
        assertEncodes("0000000218711a00", PgType.INT8, 9_000_000_000L);
        assertEncodes("ffffffff", PgType.OID, 4_294_967_295L);
        assertEncodes("3fc00000", PgType.FLOAT4, 1.5f);
        assertEncodes("3ff8000000000000", PgType.FLOAT8, 1.5);
        assertEncodes("68c3a9", PgType.TEXT, "hé");
        assertEncodes("000102ff", PgType.BYTEA, new byte[] {0, 1, 2, -1});
        assertEncodes("a0eebc999c0b4ef8bb6d6bb9bd380a11", PgType.UUID,
                UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
    }

    @Test
    void reads_any_nonzero_byte_as_true() {
        assertEquals(true, BinaryFormat.decode(PgType.BOOL, new byte[] {7}));
    }

    @Test
    void passes_bytea_through_without_copying() {
        byte[] bytes = {1, 2};
        assertSame(bytes, BinaryFormat.encode(PgType.BYTEA, bytes));
        assertSame(bytes, BinaryFormat.decode(PgType.BYTEA, bytes));
    }

    @ParameterizedTest
    @CsvSource({
        "12345.678, 0003 0001 0000 0003 0001 0929 1a7c",
        "-12345.678, 0003 0001 4000 0003 0001 0929 1a7c",
        "0.000, 0000 0000 0000 0003",
        "0, 0000 0000 0000 0000",
        "10000, 0001 0001 0000 0000 0001",
        "-0.0001, 0001 ffff 4000 0004 0001",
        "100, 0001 0000 0000 0000 0064",
        "100000, 0001 0001 0000 0000 000a",
        "15.0, 0001 0000 0000 0001 000f",
        "0.5, 0001 ffff 0000 0001 1388",
        "123456789.000100, 0004 0002 0000 0006 0001 0929 1a85 0001",
        "0.00001, 0001 fffe 0000 0005 03e8",
    })
    void encodes_numeric_in_base_10000(String value, String expectedHex) {
        assertEncodes(expectedHex, PgType.NUMERIC, new BigDecimal(value));
    }

    @Test
    void encodes_numeric_with_a_negative_scale_as_an_integer() {
        assertArrayEquals(hex("0001 0001 0000 0000 000a"), BinaryFormat.encode(PgType.NUMERIC, new BigDecimal("1E+5")));
    }

    @Test
    void round_trips_random_numerics() {
        Random random = new Random(1);
        for (int i = 0; i < 2000; i++) {
            BigDecimal value = new BigDecimal(new BigInteger(random.nextInt(200) + 1, random), random.nextInt(60) - 10);
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
            if (random.nextBoolean()) {
                value = value.negate();
            }
            assertEquals(value, BinaryFormat.decode(PgType.NUMERIC, BinaryFormat.encode(PgType.NUMERIC, value)));
        }
    }

    @Test
    void truncates_numeric_digits_beyond_the_display_scale() {
        // 1.23456 sent with dscale 2, as numeric_recv truncates it.
        assertEquals(new BigDecimal("1.23"), BinaryFormat.decode(PgType.NUMERIC, hex("0002 0000 0000 0002 0001 0928")));
    }

    @Test
    void refuses_malformed_numeric() {
        assertBadFormat("invalid sign in external \"numeric\" value", PgType.NUMERIC, hex("0001 0000 1234 0000 0001"));
        assertBadFormat("invalid digit in external \"numeric\" value", PgType.NUMERIC, hex("0001 0000 0000 0000 2710"));
        assertBadFormat("incorrect binary data format", PgType.NUMERIC, hex("0002 0000 0000 0000 0001"));
        assertBadFormat("incorrect binary data format", PgType.NUMERIC, hex("0000 0000"));
        PgException nan = assertThrows(PgException.class,
                () -> BinaryFormat.decode(PgType.NUMERIC, hex("0000 0000 c000 0000")));
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, nan.sqlState());
    }

    @Test
    void encodes_dates_and_times_from_2000_01_01() {
        assertEncodes("0000223f", PgType.DATE, LocalDate.of(2024, 1, 2));
        assertEncodes("ffffffff", PgType.DATE, LocalDate.of(1999, 12, 31));
        assertEncodes("0000000292555340", PgType.TIME, LocalTime.of(3, 4, 5));
        assertEncodes("000000141dd76000", PgType.TIME, LocalTime.MAX);
        assertEncodes("00000000000f4240", PgType.TIMESTAMP, LocalDateTime.of(2000, 1, 1, 0, 0, 1));
        assertEncodes("0002b0ec8517d580", PgType.TIMESTAMP, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000));
        assertEncodes("ffffffffffffffff", PgType.TIMESTAMP, LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000));
        assertEncodes("00000000000f4240", PgType.TIMESTAMPTZ, OffsetDateTime.of(2000, 1, 1, 0, 0, 1, 0, ZoneOffset.UTC));
    }

    @Test
    void encodes_timestamptz_as_its_instant_in_utc() {
        OffsetDateTime paris = OffsetDateTime.of(2000, 1, 1, 1, 0, 1, 0, ZoneOffset.ofHours(1));
        assertArrayEquals(hex("00000000000f4240"), BinaryFormat.encode(PgType.TIMESTAMPTZ, paris));
        assertEquals(ZoneOffset.UTC, ((OffsetDateTime) BinaryFormat.decode(PgType.TIMESTAMPTZ,
                hex("00000000000f4240"))).getOffset());
    }

    @Test
    void encodes_infinity_as_the_extreme_values() {
        assertEncodes("7fffffff", PgType.DATE, LocalDate.MAX);
        assertEncodes("80000000", PgType.DATE, LocalDate.MIN);
        assertEncodes("7fffffffffffffff", PgType.TIMESTAMP, LocalDateTime.MAX);
        assertEncodes("8000000000000000", PgType.TIMESTAMPTZ, OffsetDateTime.MIN);
    }

    @Test
    void refuses_timestamps_postgresql_cannot_hold() {
        PgException e = assertThrows(PgException.class,
                () -> BinaryFormat.encode(PgType.TIMESTAMP, LocalDateTime.of(300_000, 1, 1, 0, 0)));
        assertEquals(SqlState.DATETIME_FIELD_OVERFLOW, e.sqlState());
        PgException t = assertThrows(PgException.class, () -> BinaryFormat.decode(PgType.TIME, hex("000000141dd76001")));
        assertEquals(SqlState.DATETIME_FIELD_OVERFLOW, t.sqlState());
    }

    @Test
    void refuses_integers_outside_the_range_of_their_type() {
        PgException e = assertThrows(PgException.class, () -> BinaryFormat.encode(PgType.INT2, 70_000));
        assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, e.sqlState());
        assertEquals("smallint out of range", e.getMessage());
        assertThrows(PgException.class, () -> TextFormat.format(PgType.INT4, 1L << 40));
        assertThrows(PgException.class, () -> BinaryFormat.encode(PgType.OID, -1L));
        assertArrayEquals(hex("0000000000000007"), BinaryFormat.encode(PgType.INT8, 7), "an Integer widens to int8");
    }

    @Test
    void refuses_values_of_the_wrong_length() {
        assertBadFormat("incorrect binary data format", PgType.INT4, new byte[] {0, 0, 1});
        assertBadFormat("incorrect binary data format", PgType.INT8, new byte[4]);
        assertBadFormat("incorrect binary data format", PgType.UUID, new byte[15]);
        assertBadFormat("incorrect binary data format", PgType.BOOL, new byte[0]);
        PgException e = assertThrows(PgException.class, () -> BinaryFormat.decodeParameter(PgType.INT4, new byte[5], 2));
        assertEquals(SqlState.INVALID_BINARY_REPRESENTATION, e.sqlState());
        assertEquals("incorrect binary data format in bind parameter 2", e.getMessage());
    }

    @Test
    void keeps_sql_null_and_void() {
        for (PgType type : PgType.values()) {
            assertNull(BinaryFormat.encode(type, null));
            assertNull(BinaryFormat.decode(type, null));
        }
        assertArrayEquals(new byte[0], BinaryFormat.encode(PgType.VOID, "ignored"));
    }

    @Test
    void round_trips_a_value_of_every_type_through_both_formats() {
        for (PgType type : PgType.values()) {
            Object value = SampleValues.of(type);
            Object binary = BinaryFormat.decode(type, BinaryFormat.encode(type, value));
            Object text = TextFormat.parse(type, TextFormat.format(type, value, ZoneOffset.ofHours(9)));
            if (value instanceof byte[] bytes) {
                assertArrayEquals(bytes, (byte[]) binary);
                assertArrayEquals(bytes, (byte[]) text);
            } else if (value instanceof OffsetDateTime t) {
                assertEquals(t.toInstant(), ((OffsetDateTime) binary).toInstant());
                assertEquals(t.toInstant(), ((OffsetDateTime) text).toInstant());
            } else if (type == PgType.VOID) {
                assertNull(binary);
                assertNull(text);
            } else {
                assertEquals(value, binary, type.name());
                assertEquals(value, text, type.name());
            }
        }
    }
}
