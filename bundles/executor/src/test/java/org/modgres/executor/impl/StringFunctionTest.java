package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** PostgreSQL's string functions, with the results PostgreSQL 15 gives. */
class StringFunctionTest {

    private final SqlHarness sql = new SqlHarness();

    private void assertError(SqlState state, String message, String query) {
        PgException e = assertThrows(PgException.class, () -> sql.query(query));
        assertEquals(state, e.sqlState(), e.getMessage());
        assertEquals(message, e.getMessage());
    }

    @Test
    void repeatAndPad() {
        assertEquals("ababab", sql.value("select repeat('ab', 3)"));
        assertEquals("", sql.value("select repeat('x', -1)"));
        assertEquals("   hi", sql.value("select lpad('hi', 5)"));
        assertEquals("xyxhi", sql.value("select lpad('hi', 5, 'xy')"));
        assertEquals("he", sql.value("select lpad('hello', 2)"));
        assertEquals("hi", sql.value("select lpad('hi', 5, '')"));
        assertEquals("hixyx", sql.value("select rpad('hi', 5, 'xy')"));
        assertEquals("", sql.value("select rpad('hi', -1)"));
        assertNull(sql.value("select repeat(cast(null as text), 2)"));
    }

    @Test
    void leftRightReverseAndPositions() {
        assertEquals("hel", sql.value("select left('hello', -2)"));
        assertEquals("llo", sql.value("select right('hello', -2)"));
        assertEquals("é", sql.value("select right('hé', 1)"));
        assertEquals("cba", sql.value("select reverse('abc')"));
        assertEquals(3, sql.value("select strpos('hello', 'l')"));
        assertEquals(1, sql.value("select strpos('hello', '')"));
        assertEquals(true, sql.value("select starts_with('hello', 'he')"));
    }

    @Test
    void splitPartCountsFromEitherEnd() {
        assertEquals("b", sql.value("select split_part('a,b,c', ',', 2)"));
        assertEquals("", sql.value("select split_part('a,b,c', ',', 4)"));
        assertEquals("c", sql.value("select split_part('a,b,c', ',', -1)"));
        assertEquals("abc", sql.value("select split_part('abc', '', 1)"));
        assertEquals("c", sql.value("select split_part('a--b--c', '--', 3)"));
        assertError(SqlState.INVALID_PARAMETER_VALUE, "field position must not be zero",
                "select split_part('a,b', ',', 0)");
    }

    @Test
    void trimsCharactersAndCodes() {
        assertEquals("x  ", sql.value("select ltrim('  x  ')"));
        assertEquals("xxa", sql.value("select rtrim('xxaxx', 'x')"));
        assertEquals("a", sql.value("select btrim('xyaxy', 'yx')"));
        assertEquals("é", sql.value("select chr(233)"));
        assertEquals(233, sql.value("select ascii('é')"));
        assertEquals(0, sql.value("select ascii('')"));
        assertEquals("hippo", sql.value("select translate('hello', 'el', 'ip')"));
        assertEquals("a2x5", sql.value("select translate('12345', '143', 'ax')"));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", sql.value("select md5('abc')"));
        assertError(SqlState.PROGRAM_LIMIT_EXCEEDED, "null character not permitted", "select chr(0)");
        assertError(SqlState.INVALID_PARAMETER_VALUE, "character number must be positive", "select chr(-1)");
    }

    @Test
    void formatQuotesAndPositions() {
        assertEquals("a and b", sql.value("select format('%s and %s', 'a', 'b')"));
        assertEquals("\"B c\" abc 'it''s' NULL", sql.value("select format('%I %I %L %L', 'B c', 'abc', 'it''s', null)"));
        assertEquals("a| 100%", sql.value("select format('%s|%s 100%%', 'a', null)"));
        assertEquals("b a x", sql.value("select format('%2$s %1$s %3$s', 'a', 'b', 'x')"));
        assertEquals("[   ab][cd   ]", sql.value("select format('[%5s][%-5s]', 'ab', 'cd')"));
        assertEquals("a,b", sql.value("select concat_ws(',', 'a', null, 'b')"));
        assertError(SqlState.INVALID_PARAMETER_VALUE, "too few arguments for format()", "select format('%s %s', 'a')");
        assertError(SqlState.INVALID_PARAMETER_VALUE, "unrecognized format() type specifier \"z\"",
                "select format('%z', 'a')");
        assertError(SqlState.NULL_VALUE_NOT_ALLOWED, "null values cannot be formatted as an SQL identifier",
                "select format('%I', null)");
    }

    @Test
    void regularExpressionsAndArrays() {
        assertEquals("heLlo", sql.value("select regexp_replace('hello', 'l', 'L')"));
        assertEquals("heLLo", sql.value("select regexp_replace('hello', 'l', 'L', 'g')"));
        assertEquals("Jello", sql.value("select regexp_replace('Hello', 'h', 'J', 'i')"));
        assertEquals("a[b]c", sql.value("select regexp_replace('abc', '(b)', '[\\1]')"));
        assertEquals(List.of("123"), sql.value("select regexp_match('foo123bar45', '\\d+')"));
        assertEquals(List.of("ab", "12"), sql.value("select regexp_match('ab12', '([a-z]+)(\\d+)')"));
        assertNull(sql.value("select regexp_match('foo', '\\d+')"));
        assertEquals(List.of("a", "b", "c"), sql.value("select string_to_array('a,b,c', ',')"));
        assertEquals(Arrays.asList("a", null, "c"), sql.value("select string_to_array('a,,c', ',', '')"));
        assertEquals(List.of("a", "b", "c"), sql.value("select string_to_array('abc', null)"));
        assertEquals(List.of(), sql.value("select string_to_array('', ',')"));
        assertError(SqlState.INVALID_PARAMETER_VALUE, "invalid regular expression option: \"z\"",
                "select regexp_replace('a', 'a', 'x', 'z')");
    }
}
