package org.modgres.executor.impl.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class TextFormatTest {

    @Test
    void doublesPrintLikeFloat8out() {
        // expected values printed by PostgreSQL 15
        assertEquals("1e+15", TextFormat.format(1e15));
        assertEquals("100000000000000", TextFormat.format(1e14));
        assertEquals("123456789012345.6", TextFormat.format(123456789012345.6));
        assertEquals("0.0001", TextFormat.format(0.0001));
        assertEquals("1e-05", TextFormat.format(0.00001));
        assertEquals("0.3333333333333333", TextFormat.format(1 / 3.0));
        assertEquals("-1.5e-07", TextFormat.format(-1.5e-7));
        assertEquals("1e+100", TextFormat.format(1e100));
        assertEquals("0", TextFormat.format(0.0));
        assertEquals("-0", TextFormat.format(-0.0));
        assertEquals("3", TextFormat.format(3.0));
        assertEquals("NaN", TextFormat.format(Double.NaN));
        assertEquals("-Infinity", TextFormat.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void realsPrintLikeFloat4out() {
        assertEquals("1.5", TextFormat.format(1.5f));
        assertEquals("1e+06", TextFormat.format(1e6f));
        assertEquals("100000", TextFormat.format(1e5f));
        assertEquals("1.234567e+06", TextFormat.format(1234567f));
    }

    @Test
    void otherTypes() {
        assertEquals("true", TextFormat.format(true));
        assertEquals("1.50", TextFormat.format(new BigDecimal("1.50")));
        assertEquals("2024-01-02 03:04:05.12", TextFormat.format(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000)));
        assertEquals("10:00:00", TextFormat.format(LocalTime.of(10, 0)));
        assertEquals("\\x0aff", TextFormat.format(new byte[] {10, -1}));
    }
}
