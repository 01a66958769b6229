package org.modgres.api.type;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * Input of the non-temporal types; expected values and error texts are PostgreSQL 15.18's.
 * Date and time input is in {@link DateTimeInputTest}.
 */
class TextFormatInputTest {

    static void assertError(SqlState state, String message, PgType type, String text) {
        PgException e = assertThrows(PgException.class, () -> TextFormat.parse(type, text));
        assertEquals(state, e.sqlState());
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"t", "tr", "TRUE", " true ", "y", "yes", "on", "ON", "1", "\ttrue\n"})
    void reads_true(String text) {
        assertEquals(Boolean.TRUE, TextFormat.parse(PgType.BOOL, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"f", "fal", "FALSE", "n", "no", "of", "off", "0"})
    void reads_false(String text) {
        assertEquals(Boolean.FALSE, TextFormat.parse(PgType.BOOL, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"o", "abc", "", "truee", "onn", "2", "yess"})
    void refuses_other_booleans(String text) {
        assertError(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type boolean: \"" + text + "\"",
                PgType.BOOL, text);
    }

    @Test
    void reads_integers_between_spaces_with_a_sign() {
        assertEquals(12, TextFormat.parse(PgType.INT4, " 12 "));
        assertEquals(5, TextFormat.parse(PgType.INT4, "+5"));
        assertEquals((short) 0, TextFormat.parse(PgType.INT2, "-0"));
        assertEquals((short) -32768, TextFormat.parse(PgType.INT2, "-32768"));
        assertEquals(Integer.MIN_VALUE, TextFormat.parse(PgType.INT4, "-2147483648"));
        assertEquals(Long.MIN_VALUE, TextFormat.parse(PgType.INT8, "-9223372036854775808"));
        assertEquals(Long.MAX_VALUE, TextFormat.parse(PgType.INT8, "9223372036854775807"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "1.5", "-", "1 2", "0x10", "1e3", "١"})
    void refuses_malformed_integers(String text) {
        assertError(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type integer: \"" + text + "\"",
                PgType.INT4, text);
    }

    @Test
    void refuses_integers_out_of_range_with_the_type_name() {
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"99999999999\" is out of range for type integer",
                PgType.INT4, "99999999999");
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"2147483648\" is out of range for type integer",
                PgType.INT4, "2147483648");
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"99999\" is out of range for type smallint",
                PgType.INT2, "99999");
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "value \"9223372036854775808\" is out of range for type bigint", PgType.INT8, "9223372036854775808");
    }

    @Test
    void reads_oids_wrapping_negative_values() {
        assertEquals(4_294_967_295L, TextFormat.parse(PgType.OID, "-1"));
        assertEquals(4_294_967_295L, TextFormat.parse(PgType.OID, "4294967295"));
        assertEquals(2_147_483_648L, TextFormat.parse(PgType.OID, "-2147483648"));
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"99999999999\" is out of range for type oid",
                PgType.OID, "99999999999");
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"-2147483649\" is out of range for type oid",
                PgType.OID, "-2147483649");
        assertError(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type oid: \"x\"", PgType.OID, "x");
    }

    @Test
    void reads_numeric_keeping_the_written_scale() {
        assertEquals(new BigDecimal("100000"), TextFormat.parse(PgType.NUMERIC, "1e5"));
        assertEquals(new BigDecimal("15.0"), TextFormat.parse(PgType.NUMERIC, "1.50e1"));
        assertEquals(new BigDecimal("12.50"), TextFormat.parse(PgType.NUMERIC, " 12.50 "));
        assertEquals(new BigDecimal("0.5"), TextFormat.parse(PgType.NUMERIC, ".5"));
        assertEquals(new BigDecimal("5"), TextFormat.parse(PgType.NUMERIC, "5."));
        assertEquals(new BigDecimal("0.0015"), TextFormat.parse(PgType.NUMERIC, "1.5e-3"));
        assertEquals("0.00", TextFormat.format(PgType.NUMERIC, TextFormat.parse(PgType.NUMERIC, "-0.00")));
    }

    @Test
    void refuses_malformed_numeric() {
        assertError(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type numeric: \"abc\"",
                PgType.NUMERIC, "abc");
        assertError(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type numeric: \"1e\"",
                PgType.NUMERIC, "1e");
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format",
                PgType.NUMERIC, "1e999999999");
        assertError(SqlState.FEATURE_NOT_SUPPORTED, "numeric value \"NaN\" is not supported", PgType.NUMERIC, "NaN");
    }

    @Test
    void reads_floats_including_special_values_and_subnormals() {
        assertEquals(1.5, TextFormat.parse(PgType.FLOAT8, " 1.5 "));
        assertEquals(Double.NEGATIVE_INFINITY, TextFormat.parse(PgType.FLOAT8, "-inf"));
        assertEquals(Double.POSITIVE_INFINITY, TextFormat.parse(PgType.FLOAT8, "Infinity"));
        assertTrue(((Double) TextFormat.parse(PgType.FLOAT8, " nan ")).isNaN());
        assertEquals(1e-310, TextFormat.parse(PgType.FLOAT8, "1e-310"));
        assertEquals(5.0, TextFormat.parse(PgType.FLOAT8, ".5e1"));
        assertEquals(5.0, TextFormat.parse(PgType.FLOAT8, "5."));
        assertEquals(1.5f, TextFormat.parse(PgType.FLOAT4, "1.5"));
        assertEquals(1e-40f, TextFormat.parse(PgType.FLOAT4, "1e-40"));
        assertEquals(Float.POSITIVE_INFINITY, TextFormat.parse(PgType.FLOAT4, "Infinity"));
    }

    @Test
    void refuses_floats_out_of_range_or_malformed() {
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "\"1e400\" is out of range for type double precision",
                PgType.FLOAT8, "1e400");
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "\"1e-400\" is out of range for type double precision",
                PgType.FLOAT8, "1e-400");
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "\"1e40\" is out of range for type real",
                PgType.FLOAT4, "1e40");
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "\"1e-46\" is out of range for type real",
                PgType.FLOAT4, "1e-46");
        assertError(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type double precision: \"1,5\"",
                PgType.FLOAT8, "1,5");
        assertError(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type double precision: \"1.5d\"",
                PgType.FLOAT8, "1.5d");
        assertError(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type real: \"abc\"",
                PgType.FLOAT4, "abc");
    }

    @Test
    void reads_bytea_in_hex_and_escape_format() {
        assertArrayEquals(new byte[] {1, 2, -1}, (byte[]) TextFormat.parse(PgType.BYTEA, "\\x0102ff"));
        assertArrayEquals(new byte[] {1, 2, -1}, (byte[]) TextFormat.parse(PgType.BYTEA, "\\x 01 02FF"));
        assertArrayEquals(new byte[] {1, 2, -1}, (byte[]) TextFormat.parse(PgType.BYTEA, "\\x01 02\n ff"));
        assertArrayEquals(new byte[] {0x61, 0x5c, 0x62, 0x01, 0x63},
                (byte[]) TextFormat.parse(PgType.BYTEA, "a\\\\b\\001c"));
        assertArrayEquals(new byte[] {'a', 'b', 'c'}, (byte[]) TextFormat.parse(PgType.BYTEA, "abc"));
        assertArrayEquals(new byte[] {(byte) 0xc3, (byte) 0xa9}, (byte[]) TextFormat.parse(PgType.BYTEA, "é"));
    }

    @Test
    void refuses_malformed_bytea() {
        assertError(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits",
                PgType.BYTEA, "\\x0");
        assertError(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"z\"", PgType.BYTEA, "\\xzz");
        assertError(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea", PgType.BYTEA, "\\q");
        assertError(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea", PgType.BYTEA, "\\1");
        assertError(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea", PgType.BYTEA, "\\400");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
        "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "a0eebc999c0b4ef8bb6d6bb9bd380a11",
        "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", "{a0eebc999c0b4ef8bb6d6bb9bd380a11}"})
    void reads_uuids_in_every_form_postgresql_accepts(String text) {
        assertEquals(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), TextFormat.parse(PgType.UUID, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "00000000-0000-0000-0000-00000000000g", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1",
        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
        "a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11-",
        " a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"})
    void refuses_malformed_uuids(String text) {
        assertError(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type uuid: \"" + text + "\"",
                PgType.UUID, text);
    }

    @Test
    void reads_text_as_it_is_and_null_as_null() {
        assertEquals(" x ", TextFormat.parse(PgType.TEXT, " x "));
        assertNull(TextFormat.parse(PgType.INT4, null));
        assertNull(TextFormat.parse(PgType.VOID, ""));
    }
}
