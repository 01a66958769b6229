package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** PostgreSQL's math functions on integers, numeric and double precision, with PostgreSQL 15's results. */
class MathFunctionTest {

    private final SqlHarness sql = new SqlHarness();

    private void assertError(SqlState state, String message, String query) {
        PgException e = assertThrows(PgException.class, () -> sql.query(query));
        assertEquals(state, e.sqlState(), e.getMessage());
        assertEquals(message, e.getMessage());
    }

    @Test
    void greatestAndLeastSkipNulls() {
        assertEquals(2, sql.value("select greatest(1, 2, null)"));
        assertEquals(new BigDecimal("1.5"), sql.value("select least(1.5, 2)"));
        assertEquals("b", sql.value("select greatest('a', 'b')"));
        assertEquals(new BigDecimal("2.5"), sql.value("select greatest(1, 2.5)"));
        assertNull(sql.value("select least(cast(null as integer), null)"));
    }

    @Test
    void numericArgumentsGiveNumericResults() {
        assertEquals(new BigDecimal("2.7182818284590452"), sql.value("select exp(1.0)"));
        assertEquals(new BigDecimal("2.3025850929940457"), sql.value("select ln(10.0)"));
        assertEquals(new BigDecimal("2.0000000000000000"), sql.value("select log(100.0)"));
        assertEquals(new BigDecimal("3.0000000000000000"), sql.value("select log(2, 8)"));
        assertEquals(new BigDecimal("4.000000000000000"), sql.value("select sqrt(16.0)"));
        assertEquals(new BigDecimal("8.0000000000000000"), sql.value("select power(2.0, 3)"));
        assertEquals(new BigDecimal("3"), sql.value("select div(7, 2)"));
        assertEquals(new BigDecimal("-3"), sql.value("select div(-7, 2)"));
    }

    @Test
    void otherArgumentsGiveDoublePrecision() {
        assertEquals(2.718281828459045, sql.value("select exp(1)"));
        assertEquals(2.302585092994046, sql.value("select ln(10)"));
        assertEquals(2.0, sql.value("select log(100)"));
        assertEquals(1024.0, sql.value("select power(2, 10)"));
        assertEquals(1.4142135623730951, sql.value("select power(cast(2 as double precision), 0.5)"));
        assertEquals(-1.0, sql.value("select sign(-2)"));
        assertEquals(Math.PI, sql.value("select pi()"));
        assertEquals(180.0, sql.value("select degrees(pi())"));
    }

    @Test
    void logarithmsAndRootsOfBadArguments() {
        assertError(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of zero", "select ln(0)");
        assertError(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of a negative number",
                "select ln(-1.0)");
        assertError(SqlState.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of zero", "select log(0)");
        assertError(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "cannot take square root of a negative number",
                "select sqrt(-1.0)");
        assertError(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                "a negative number raised to a non-integer power yields a complex result",
                "select power(-8.0, 0.5)");
        assertError(SqlState.DIVISION_BY_ZERO, "division by zero", "select div(1, 0)");
    }

    @Test
    void volatileFunctions() {
        double random = (Double) sql.value("select random()");
        assertTrue(random >= 0 && random < 1, Double.toString(random));
        assertInstanceOf(UUID.class, sql.value("select gen_random_uuid()"));
        assertEquals(4, ((UUID) sql.value("select gen_random_uuid()")).version());
    }
}
