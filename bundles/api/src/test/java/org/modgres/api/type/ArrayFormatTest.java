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
