package org.modgres.api.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected texts were printed by PostgreSQL 15.18 with its default settings. */
class TextFormatOutputTest {
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Test
    void prints_booleans_as_t_and_f() {
        assertEquals("t", TextFormat.format(PgType.BOOL, true));
        assertEquals("f", TextFormat.format(PgType.BOOL, false));
    }

    @Test
    void prints_sql_null_as_null() {
        for (PgType type : PgType.values()) {
            assertNull(TextFormat.format(type, null));
        }
    }

    @Test
    void prints_integers_and_oids() {
        assertEquals("-32768", TextFormat.format(PgType.INT2, (short) -32768));
        assertEquals("42", TextFormat.format(PgType.INT4, 42));
        assertEquals("9000000000", TextFormat.format(PgType.INT8, 9_000_000_000L));
        assertEquals("4294967295", TextFormat.format(PgType.OID, 4_294_967_295L));
        assertEquals("7", TextFormat.format(PgType.INT8, 7), "an Integer is accepted where a Long is expected");
    }

    @Test
    void prints_numeric_with_its_scale_and_never_an_exponent() {
        assertEquals("12.50", TextFormat.format(PgType.NUMERIC, new BigDecimal("12.50")));
        assertEquals("0.000", TextFormat.format(PgType.NUMERIC, new BigDecimal("0.000")));
        assertEquals("100000", TextFormat.format(PgType.NUMERIC, new BigDecimal("1E+5")));
        assertEquals("0.00000001", TextFormat.format(PgType.NUMERIC, new BigDecimal("1E-8")));
        assertEquals("-12345.678", TextFormat.format(PgType.NUMERIC, new BigDecimal("-12345.678")));
    }

    @ParameterizedTest
    @CsvSource({
        "1.5, 1.5",
        "0.1, 0.1",
        "1e20, 1e+20",
        "1.2345678901234567e-05, 1.2345678901234568e-05",
        "1e15, 1e+15",
        "1e14, 100000000000000",
        "123456789012345.6, 123456789012345.6",
        "123456789012345678, 1.2345678901234568e+17",
        "0.0001, 0.0001",
        "0.00012345, 0.00012345",
        "0.00001, 1e-05",
        "1.5e-5, 1.5e-05",
        "1e100, 1e+100",
        "1e-300, 1e-300",
        "4.9e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "3.887798040492298e16, 3.8877980404922976e+16",
        "2e23, 1.9999999999999998e+23",
        "7.6e22, 7.600000000000001e+22",
        "-2.5, -2.5",
        "Infinity, Infinity",
        "-Infinity, -Infinity",
        "NaN, NaN",
        "-0.0, -0",
        "0.0, 0",
    })
    void prints_float8_as_postgresql(double value, String expected) {
        assertEquals(expected, TextFormat.format(PgType.FLOAT8, value));
    }

    @ParameterizedTest
    @CsvSource({
        "1.5, 1.5",
        "0.1, 0.1",
        "1e20, 1e+20",
        "1e6, 1e+06",
        "999999, 999999",
        "123456, 123456",
        "1234567, 1.234567e+06",
        "12345678, 1.2345678e+07",
        "1e-5, 1e-05",
        "0.0001, 0.0001",
        "3.4028235e38, 3.4028235e+38",
        "5.2e10, 5.1999998e+10",
        "1.29495376e8, 1.29495376e+08",
        "-0.0, -0",
    })
    void prints_float4_as_postgresql(float value, String expected) {
        assertEquals(expected, TextFormat.format(PgType.FLOAT4, value));
    }

    @Test
    void prints_text_types_as_they_are() {
        for (PgType type : new PgType[] {PgType.TEXT, PgType.VARCHAR, PgType.BPCHAR, PgType.NAME, PgType.UNKNOWN}) {
            assertEquals("héllo ", TextFormat.format(type, "héllo "));
        }
    }

    @Test
    void prints_bytea_in_hex() {
        assertEquals("\\x0102ff", TextFormat.format(PgType.BYTEA, new byte[] {1, 2, -1}));
        assertEquals("\\x", TextFormat.format(PgType.BYTEA, new byte[0]));
    }

    @Test
    void prints_dates_in_iso_style_with_bc_last() {
        assertEquals("2024-01-02", TextFormat.format(PgType.DATE, LocalDate.of(2024, 1, 2)));
        assertEquals("0044-03-15 BC", TextFormat.format(PgType.DATE, LocalDate.of(-43, 3, 15)));
        assertEquals("0001-01-01 BC", TextFormat.format(PgType.DATE, LocalDate.of(0, 1, 1)));
        assertEquals("0099-01-01", TextFormat.format(PgType.DATE, LocalDate.of(99, 1, 1)));
        assertEquals("10000-01-01", TextFormat.format(PgType.DATE, LocalDate.of(10_000, 1, 1)));
        assertEquals("infinity", TextFormat.format(PgType.DATE, LocalDate.MAX));
        assertEquals("-infinity", TextFormat.format(PgType.DATE, LocalDate.MIN));
    }

    @Test
    void prints_times_with_trimmed_fractions() {
        assertEquals("03:04:05.123456", TextFormat.format(PgType.TIME, LocalTime.of(3, 4, 5, 123_456_000)));
        assertEquals("03:04:05.5", TextFormat.format(PgType.TIME, LocalTime.of(3, 4, 5, 500_000_000)));
        assertEquals("03:04:05.000001", TextFormat.format(PgType.TIME, LocalTime.of(3, 4, 5, 1_000)));
        assertEquals("03:04:00", TextFormat.format(PgType.TIME, LocalTime.of(3, 4)));
        assertEquals("00:00:00", TextFormat.format(PgType.TIME, LocalTime.MIDNIGHT));
        assertEquals("24:00:00", TextFormat.format(PgType.TIME, LocalTime.MAX));
    }

    @Test
    void prints_timestamps() {
        assertEquals("2024-01-02 03:04:05.5",
                TextFormat.format(PgType.TIMESTAMP, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000)));
        assertEquals("2024-01-02 03:04:05.5 BC",
                TextFormat.format(PgType.TIMESTAMP, LocalDateTime.of(-2023, 1, 2, 3, 4, 5, 500_000_000)));
        assertEquals("294276-12-31 23:59:59.999999",
                TextFormat.format(PgType.TIMESTAMP, LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000)));
        assertEquals("2024-01-02 03:04:06",
                TextFormat.format(PgType.TIMESTAMP, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 999_999_600)),
                "nanoseconds round to PostgreSQL's microseconds");
        assertEquals("infinity", TextFormat.format(PgType.TIMESTAMP, LocalDateTime.MAX));
    }

    @Test
    void prints_timestamptz_in_the_session_zone_with_its_offset() {
        OffsetDateTime t = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2));
        assertEquals("2024-01-02 01:04:05+00", TextFormat.format(PgType.TIMESTAMPTZ, t));
        assertEquals("2024-01-02 06:34:05+05:30", TextFormat.format(PgType.TIMESTAMPTZ, t, KOLKATA));
        assertEquals("2024-01-01 21:34:05.5-03:30", TextFormat.format(PgType.TIMESTAMPTZ,
                OffsetDateTime.of(2024, 1, 2, 1, 4, 5, 500_000_000, ZoneOffset.UTC), ZoneId.of("America/St_Johns")));
        assertEquals("infinity", TextFormat.format(PgType.TIMESTAMPTZ, OffsetDateTime.MAX, KOLKATA));
        assertEquals("-infinity", TextFormat.format(PgType.TIMESTAMPTZ, OffsetDateTime.MIN, KOLKATA));
    }

    @Test
    void prints_historic_offsets_with_seconds_and_bc_after_the_offset() {
        OffsetDateTime hmt = OffsetDateTime.of(1899, 12, 31, 18, 38, 50, 0, ZoneOffset.UTC);
        assertEquals("1900-01-01 00:00:00+05:21:10", TextFormat.format(PgType.TIMESTAMPTZ, hmt, KOLKATA));
        OffsetDateTime lmt = OffsetDateTime.of(-43, 3, 15, 6, 6, 32, 0, ZoneOffset.UTC);
        assertEquals("0044-03-15 12:00:00+05:53:28 BC", TextFormat.format(PgType.TIMESTAMPTZ, lmt, KOLKATA));
    }

    @Test
    void prints_uuid_in_lower_case_with_dashes() {
        UUID u = UUID.fromString("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11");
        assertEquals("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", TextFormat.format(PgType.UUID, u));
    }

    @Test
    void prints_void_as_an_empty_string() {
        assertEquals("", TextFormat.format(PgType.VOID, "anything"));
    }

    @Test
    void refuses_a_value_of_the_wrong_class() {
        assertThrows(IllegalArgumentException.class, () -> TextFormat.format(PgType.DATE, "2024-01-02"));
        assertThrows(IllegalArgumentException.class, () -> TextFormat.format(PgType.BOOL, 1));
    }
}
