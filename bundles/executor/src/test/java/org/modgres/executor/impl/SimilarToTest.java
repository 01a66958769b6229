package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** SIMILAR TO and NOT SIMILAR TO, with the results PostgreSQL 15 gives. */
class SimilarToTest {

    private final SqlHarness sql = new SqlHarness();

    @Test
    void wholeStringMustMatch() {
        assertEquals(true, sql.value("select 'abc' similar to 'a%'"));
        assertEquals(false, sql.value("select 'abc' similar to 'b%'"));
        assertEquals(false, sql.value("select 'abc' similar to 'ab'"));
        assertEquals(true, sql.value("select 'abc' similar to 'a_c'"));
        assertEquals(false, sql.value("select 'abc' not similar to 'a(b|c)+'"));
        assertEquals(true, sql.value("select 'abcabc' similar to '(abc)*'"));
        assertEquals(true, sql.value("select 'ab' similar to 'a{1,2}b?'"));
    }

    @Test
    void bracketsAreCharacterClasses() {
        assertEquals(true, sql.value("select 'x' similar to '[xyz]'"));
        assertEquals(true, sql.value("select 'b' similar to '[^a]'"));
        assertEquals(true, sql.value("select ']' similar to '[]]'"));
    }

    @Test
    void otherRegexCharactersAreLiterals() {
        assertEquals(true, sql.value("select 'a.b' similar to 'a.b'"));
        assertEquals(false, sql.value("select 'axb' similar to 'a.b'"));
        assertEquals(true, sql.value("select 'a^$' similar to 'a^$'"));
    }

    @Test
    void escapeMakesMetacharactersLiteral() {
        assertEquals(true, sql.value("select 'a%c' similar to 'a#%c' escape '#'"));
        assertEquals(false, sql.value("select 'abc' similar to 'a#%c' escape '#'"));
        assertEquals(true, sql.value("select 'a_c' similar to 'a\\_c'"));
        assertEquals(true, sql.value("select 'a' similar to 'a#' escape '#'"));
        assertEquals(true, sql.value("select 'a%' similar to 'a%' escape ''"));
    }

    @Test
    void substringTakesWhatTheSeparatorsEnclose() {
        assertEquals("oob", sql.value("select substring('foobar' similar '%#\"o_b#\"%' escape '#')"));
        assertEquals("oobar", sql.value("select substring('foobar' similar 'f#\"o%' escape '#')"));
        assertEquals("foobar", sql.value("select substring('foobar' similar 'f%' escape '#')"));
        assertNull(sql.value("select substring('foobar' similar 'x%' escape '#')"));
        assertEquals(SqlState.INVALID_USE_OF_ESCAPE_CHARACTER, assertThrows(PgException.class,
                () -> sql.query("select substring('foobar' similar '#\"f#\"#\"o#\"%' escape '#')")).sqlState());
    }

    @Test
    void nullsGiveNull() {
        assertNull(sql.value("select 'a' similar to null"));
        assertNull(sql.value("select cast(null as text) similar to 'a'"));
        assertNull(sql.value("select 'a' similar to 'a' escape null"));
    }

    @Test
    void errorsAsPostgres() {
        PgException escape = assertThrows(PgException.class,
                () -> sql.query("select 'a' similar to 'a' escape 'ab'"));
        assertEquals("invalid escape string", escape.getMessage());
        PgException unbalanced = assertThrows(PgException.class, () -> sql.query("select 'a' similar to '(a'"));
        assertEquals(SqlState.INVALID_REGULAR_EXPRESSION, unbalanced.sqlState());
    }
}
