package org.modgres.executor.impl.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

class NumericsTest {

    private static BigDecimal divide(String a, String b) {
        return Numerics.divide(new BigDecimal(a), new BigDecimal(b));
    }

    @Test
    void divisionScaleMatchesPostgres() {
        // expected values printed by PostgreSQL 15
        assertEquals("3.3333333333333333", divide("10.0", "3").toPlainString());
        assertEquals("0.50000000000000000000", divide("1", "2").toPlainString());
        assertEquals("2.0000000000000000", divide("4", "2").toPlainString());
        assertEquals("1763668.285714285714", divide("12345678", "7").toPlainString());
        assertEquals("0.00033333333333333333", divide("0.001", "3").toPlainString());
        assertEquals("333.3333333333333333", divide("1", "0.003").toPlainString());
        assertEquals("9.9999000000000000", divide("99999", "10000").toPlainString());
        assertEquals("1.0001000100010001", divide("10000", "9999").toPlainString());
        assertEquals("0.66666666666666666667", divide("2", "3").toPlainString());
    }

    @Test
    void divisionByZero() {
        PgException e = assertThrows(PgException.class, () -> divide("1", "0.00"));
        assertEquals(SqlState.DIVISION_BY_ZERO, e.sqlState());
    }

    @Test
    void typmodRoundsHalfAwayFromZero() {
        assertEquals(new BigDecimal("1.24"), Numerics.applyTypmod(new BigDecimal("1.235"), 3, 2));
        assertEquals(new BigDecimal("-1.24"), Numerics.applyTypmod(new BigDecimal("-1.235"), 3, 2));
        assertEquals(new BigDecimal("0.00"), Numerics.applyTypmod(new BigDecimal("0.001"), 2, 2));
        assertEquals(new BigDecimal("1.5"), Numerics.applyTypmod(new BigDecimal("1.5"), -1, -1));
        PgException e = assertThrows(PgException.class, () -> Numerics.applyTypmod(new BigDecimal("9.995"), 3, 2));
        assertEquals("A field with precision 3, scale 2 must round to an absolute value less than 10^1.", e.detail());
        e = assertThrows(PgException.class, () -> Numerics.applyTypmod(new BigDecimal("1"), 2, 2));
        assertEquals("A field with precision 2, scale 2 must round to an absolute value less than 1.", e.detail());
    }

    @Test
    void floatsBecomeNumericsThroughTheirShortText() {
        assertEquals(new BigDecimal("0.1"), Numerics.toBigDecimal(0.1));
        assertEquals(new BigDecimal("0.333333333333333"), Numerics.toBigDecimal(1 / 3.0));
        assertEquals(new BigDecimal("100000000000000000000"), Numerics.toBigDecimal(1e20));
    }

    @Test
    void integerRanges() {
        assertEquals((short) 5, Numerics.narrow(5, ValueType.SMALLINT));
        assertEquals("smallint out of range",
                assertThrows(PgException.class, () -> Numerics.narrow(40000, ValueType.SMALLINT)).getMessage());
        assertEquals(2L, Numerics.toLong(2.5, ValueType.BIGINT));
        assertEquals(4L, Numerics.toLong(3.5, ValueType.BIGINT));
        assertEquals(-3L, Numerics.toLong(new BigDecimal("-2.5"), ValueType.BIGINT));
        assertThrows(PgException.class, () -> Numerics.toLong(Double.NaN, ValueType.INTEGER));
    }
}
