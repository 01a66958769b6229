package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

class ExpressionTest {

    private final SqlHarness sql = new SqlHarness();

    private void assertError(SqlState state, String message, String query, Object... parameters) {
        PgException e = assertThrows(PgException.class, () -> sql.query(query, parameters));
        assertEquals(state, e.sqlState(), e.getMessage());
        assertEquals(message, e.getMessage());
    }

    @Test
    void integerArithmeticKeepsTypesAndTruncates() {
        assertEquals(3, sql.value("select 7 / 2"));
        assertEquals(-3, sql.value("select -7 / 2"));
        assertEquals(1, sql.value("select mod(7, 3)"));
        assertEquals(-1, sql.value("select mod(-7, 3)"));
        assertEquals(12L, sql.value("select cast(3 as bigint) * 4"));
        assertEquals(-5, sql.value("select -(2 + 3)"));
    }

    @Test
    void integerOverflowIsAnError() {
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range", "select 2147483647 + 1");
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range", "select -2147483647 - 2");
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range", "select 65536 * 65536");
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range",
                "select cast(9223372036854775807 as bigint) + 1");
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "smallint out of range",
                "select cast(32767 as smallint) + cast(1 as smallint)");
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range", "select -(-2147483647 - 1)");
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range", "select (-2147483647 - 1) / -1");
    }

    @Test
    void divisionByZero() {
        assertError(SqlState.DIVISION_BY_ZERO, "division by zero", "select 1 / 0");
        assertError(SqlState.DIVISION_BY_ZERO, "division by zero", "select mod(1, 0)");
        assertError(SqlState.DIVISION_BY_ZERO, "division by zero", "select 1.5 / 0");
        assertError(SqlState.DIVISION_BY_ZERO, "division by zero", "select cast(1 as double precision) / 0");
        assertNull(sql.value("select 1 / cast(null as integer)"));
    }

    @Test
    void numericDivisionHasPostgresScale() {
        assertEquals(new BigDecimal("0.33333333333333333333"), sql.value("select cast(1 as numeric) / 3"));
        assertEquals(new BigDecimal("0.33333333333333333333"), sql.value("select 1.0 / 3"));
        assertEquals(new BigDecimal("3.3333333333333333"), sql.value("select 10.0 / 3"));
        assertEquals(new BigDecimal("0.50000000000000000000"), sql.value("select cast(1 as numeric) / 2"));
        assertEquals(new BigDecimal("2.0000000000000000"), sql.value("select cast(4 as numeric) / 2"));
        assertEquals(new BigDecimal("6.50"), sql.value("select 1.25 + 5.25"));
        assertEquals(new BigDecimal("1.5625"), sql.value("select 1.25 * 1.25"));
    }

    @Test
    void numericCastsRoundHalfAwayFromZeroAndCheckPrecision() {
        assertEquals(new BigDecimal("1.24"), sql.value("select cast(1.235 as numeric(3,2))"));
        assertEquals(new BigDecimal("-1.24"), sql.value("select cast(-1.235 as numeric(3,2))"));
        assertEquals(new BigDecimal("3"), sql.value("select cast(2.5 as numeric(1,0))"));
        assertEquals(3, sql.value("select cast(2.5 as integer)"));
        assertEquals(2, sql.value("select cast(cast(2.5 as double precision) as integer)"));
        PgException e = assertThrows(PgException.class, () -> sql.query("select cast(123.4 as numeric(4,2))"));
        assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, e.sqlState());
        assertEquals("numeric field overflow", e.getMessage());
        assertEquals("A field with precision 4, scale 2 must round to an absolute value less than 10^2.", e.detail());
    }

    @Test
    void textCasts() {
        assertEquals(42, sql.value("select cast(' 42 ' as integer)"));
        assertError(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type integer: \"x\"",
                "select cast('x' as integer)");
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value \"99999999999\" is out of range for type integer",
                "select cast('99999999999' as integer)");
        assertEquals("abc", sql.value("select cast('abcd' as varchar(3))"));
        assertEquals("ab  ", sql.value("select cast('ab' as char(4))"));
        assertEquals("12.50", sql.value("select cast(12.50 as varchar(10))"));
        assertEquals(LocalDate.of(2024, 2, 29), sql.value("select cast('2024-02-29' as date)"));
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5), sql.value("select cast('2024-01-02 03:04:05' as timestamp)"));
        assertEquals(true, sql.value("select cast('yes' as boolean)"));
    }

    @Test
    void comparisonsAcrossNumericTypes() {
        assertEquals(true, sql.value("select 1 = 1.0"));
        assertEquals(true, sql.value("select cast(2 as bigint) > 1.5"));
        assertEquals(true, sql.value("select cast(1 as double precision) < 1.5"));
        assertNull(sql.value("select 1 = cast(null as integer)"));
    }

    @Test
    void distinctFromAndTruthTests() {
        assertEquals(false, sql.value("select cast(null as integer) is distinct from cast(null as integer)"));
        assertEquals(true, sql.value("select 1 is distinct from cast(null as integer)"));
        assertEquals(true, sql.value("select cast(null as boolean) is not true"));
        assertEquals(false, sql.value("select cast(null as boolean) is false"));
    }

    @Test
    void stringFunctions() {
        assertEquals("HELLO", sql.value("select upper('hello')"));
        assertEquals("ell", sql.value("select substring('hello' from 2 for 3)"));
        assertEquals("he", sql.value("select substring('hello' from 0 for 3)"));
        assertEquals("llo", sql.value("select substring('hello' from 3)"));
        assertEquals(3, sql.value("select position('l' in 'hello')"));
        assertEquals(0, sql.value("select position('z' in 'hello')"));
        assertEquals("xx", sql.value("select trim(leading 'a' from 'aaxx')"));
        assertEquals(5, sql.value("select char_length('héllo')"));
        assertEquals("a1", sql.value("select 'a' || 1"));
        assertNull(sql.value("select 'a' || cast(null as varchar)"));
    }

    @Test
    void likeEscapes() {
        assertEquals(true, sql.value("select 'a%b' like 'a\\%b'"));
        assertEquals(false, sql.value("select 'axb' like 'a\\%b'"));
        assertEquals(true, sql.value("select 'a_b' like 'a!_b' escape '!'"));
        assertEquals(true, sql.value("select 'line\nbreak' like 'line%'"));
    }

    @Test
    void mathFunctions() {
        assertEquals(new BigDecimal("3"), sql.value("select round(2.5)"));
        assertEquals(new BigDecimal("-3"), sql.value("select round(-2.5)"));
        assertEquals(new BigDecimal("1.24"), sql.value("select round(1.235, 2)"));
        assertEquals(2.0, sql.value("select round(cast(2.5 as double precision))"));
        assertEquals(5, sql.value("select abs(-5)"));
        assertError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range", "select abs(-2147483647 - 1)");
        assertEquals(new BigDecimal("2"), sql.value("select floor(2.7)"));
        assertEquals(new BigDecimal("-2"), sql.value("select ceil(-2.7)"));
    }

    @Test
    void unsupportedFunctionIsAFeatureError() {
        PgException e = assertThrows(PgException.class, () -> sql.query("select cot(1.0)"));
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, e.sqlState());
        assertEquals("function cot is not supported yet", e.getMessage());
    }

    @Test
    void parametersTakeTheirDeclaredType() {
        assertEquals(5L, sql.value("select cast($1 as bigint) + 2", 3));
        assertEquals(4, sql.value("select $1 + 1", "3"));
        PgException e = assertThrows(PgException.class, () -> sql.query("select cast($1 as integer) + cast($2 as integer)", 1));
        assertEquals(SqlState.UNDEFINED_PARAMETER, e.sqlState());
    }
}
