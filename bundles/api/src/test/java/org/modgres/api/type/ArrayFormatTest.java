package org.modgres.api.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** Expected texts were printed by PostgreSQL 15.18. */
class ArrayFormatTest {

    @Test
    void prints_arrays_quoting_elements_that_need_it() {
        assertEquals("{pg_catalog,public}", TextFormat.format(PgType.NAME_ARRAY, List.of("pg_catalog", "public")));
        assertEquals("{\"a b\",\"\",\"NULL\",NULL,\"q\\\"u\\\\o{t}e,d\"}", TextFormat.format(PgType.TEXT_ARRAY,
                Arrays.asList("a b", "", "NULL", null, "q\"u\\o{t}e,d")));
        assertEquals("{}", TextFormat.format(PgType.INT4_ARRAY, List.of()));
        assertEquals("{1,-2}", TextFormat.format(PgType.INT2_ARRAY, List.of((short) 1, (short) -2)));
    }

    @Test
    void prints_arrays_of_every_element_type_as_array_out_does() {
        assertEquals("{t,f,NULL}", TextFormat.format(PgType.BOOL_ARRAY, Arrays.asList(true, false, null)));
        assertEquals("{\"\\\\x01ff\"}", TextFormat.format(PgType.BYTEA_ARRAY, List.of(new byte[] {1, -1})));
        assertEquals("{1.5,NaN,1e+20}", TextFormat.format(PgType.FLOAT4_ARRAY, List.of(1.5f, Float.NaN, 1e20f)));
        assertEquals("{\"2024-01-02 03:04:05.5\"}", TextFormat.format(PgType.TIMESTAMP_ARRAY,
                List.of(java.time.LocalDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000))));
        assertEquals("{\"1 day 02:00:00\"}", TextFormat.format(PgType.INTERVAL_ARRAY,
                List.of(new PgInterval(0, 1, 7_200_000_000L))));
        assertEquals("{\"a  \"}", TextFormat.format(PgType.BPCHAR_ARRAY, List.of("a  ")));
        assertEquals("{1.50}", TextFormat.format(PgType.NUMERIC_ARRAY, List.of(new java.math.BigDecimal("1.50"))));
    }

    @Test
    void round_trips_arrays_of_bytea_and_timestamptz_through_binary() {
        byte[] encoded = BinaryFormat.encode(PgType.BYTEA_ARRAY, Arrays.asList(new byte[] {1, -1}, null));
        List<?> decoded = (List<?>) BinaryFormat.decode(PgType.BYTEA_ARRAY, encoded);
        assertEquals(2, decoded.size());
        assertEquals(List.of((byte) 1, (byte) -1), List.of(((byte[]) decoded.get(0))[0], ((byte[]) decoded.get(0))[1]));
        assertEquals(null, decoded.get(1));
        java.time.OffsetDateTime t = java.time.OffsetDateTime.parse("2024-01-02T03:04:05Z");
        List<?> times = (List<?>) BinaryFormat.decode(PgType.TIMESTAMPTZ_ARRAY,
                BinaryFormat.encode(PgType.TIMESTAMPTZ_ARRAY, List.of(t)));
        assertEquals(t.toInstant(), ((java.time.OffsetDateTime) times.get(0)).toInstant());
    }

    @Test
    void knows_each_array_types_element_and_the_way_back() {
        for (PgType type : PgType.values()) {
            if (type.isArray()) {
                assertEquals(type.oid(), type.elementType().arrayOid(), type.name());
                assertEquals(type, type.elementType().arrayType(), type.name());
            }
        }
        assertEquals(PgType.UUID_ARRAY, PgType.byOid(2951));
        assertEquals(PgType.NUMERIC, PgType.NUMERIC_ARRAY.elementType());
    }

    @Test
    void prints_vectors_separated_by_spaces() {
        assertEquals("1 3", TextFormat.format(PgType.INT2VECTOR, List.of((short) 1, (short) 3)));
        assertEquals("", TextFormat.format(PgType.OIDVECTOR, List.of()));
    }

    @Test
    void reads_arrays_with_spaces_quotes_and_nulls() {
        assertEquals(Arrays.asList("a", "b c", null, "NULL", ""),
                TextFormat.parse(PgType.TEXT_ARRAY, " { a , \"b c\" ,NULL,\"NULL\",\"\"} "));
        assertEquals(List.of(0L), TextFormat.parse(PgType.OID_ARRAY, "{0}"));
        assertEquals(List.of(), TextFormat.parse(PgType.TEXT_ARRAY, "{}"));
        assertEquals(List.of((short) 1, (short) 2), TextFormat.parse(PgType.INT2VECTOR, "1 2"));
    }

    @Test
    void refuses_malformed_array_literals() {
        PgException e = assertThrows(PgException.class, () -> TextFormat.parse(PgType.INT4_ARRAY, "1,2"));
        assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, e.sqlState());
        assertEquals("malformed array literal: \"1,2\"", e.getMessage());
        assertThrows(PgException.class, () -> TextFormat.parse(PgType.INT4_ARRAY, "{1,2"));
        assertThrows(PgException.class, () -> TextFormat.parse(PgType.INT4_ARRAY, "{1,}"));
        assertThrows(PgException.class, () -> TextFormat.parse(PgType.INT4_ARRAY, "{1} x"));
    }

    @Test
    void reads_char_as_its_first_character_or_an_octal_escape() {
        assertEquals("a", TextFormat.parse(PgType.CHAR, "abc"));
        assertEquals("", TextFormat.parse(PgType.CHAR, ""));
        assertEquals("A", TextFormat.parse(PgType.CHAR, "\\101"));
    }
}
