package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * Functions, aggregates, window functions, operators and casts added to match PostgreSQL 15,
 * with the values PostgreSQL 15 gives.
 */
class SupplementaryFunctionTest {

    private final SqlHarness sql = new SqlHarness();

    @Test
    void integerAndNumericFunctions() {
        assertEquals(List.of(6, 12, 4, new BigDecimal("1.5")),
                sql.rows("select gcd(12, 18), lcm(4, 6), gcd(-4, 0), gcd(4.5, 3)").getFirst());
        assertEquals(List.of(0.7853981633974483, 3, 0, "ff", "ffffffff", "ffffffffffffffff"),
                sql.rows("select atan2(1, 1), scale(1.500), scale(12), to_hex(255), to_hex(-1), to_hex(-1::bigint)")
                        .getFirst());
        PgException overflow = assertThrows(PgException.class, () -> sql.query("select lcm(2147483647, 2)"));
        assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, overflow.sqlState());
    }

    @Test
    void caretIsExponentiation() {
        assertEquals(List.of(1024.0, new BigDecimal("8.0000000000000000"), 64.0),
                sql.rows("select 2 ^ 10, 2.0 ^ 3, 2 ^ 3 ^ 2").getFirst());
    }

    @Test
    void textAndByteaFunctions() {
        assertEquals(List.of(16, 24, "Thomas", "abZZef", 52, "hello"),
                sql.rows("select bit_length('ab'), bit_length('\\x010203'::bytea),"
                        + " overlay('Txxxxas' placing 'hom' from 2 for 4), overlay('abcdef' placing 'ZZ' from 3),"
                        + " get_byte('\\x1234'::bytea, 1), convert_from('\\x68656c6c6f'::bytea, 'UTF8')").getFirst());
        assertArrayEquals(new byte[] {(byte) 0xff, 0x34}, (byte[]) sql.value("select set_byte('\\x1234'::bytea, 0, 255)"));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                sql.value("select encode(sha256('abc'::bytea), 'hex')"));
        PgException range = assertThrows(PgException.class, () -> sql.query("select get_byte('\\x12'::bytea, 1)"));
        assertEquals(SqlState.ARRAY_SUBSCRIPT_ERROR, range.sqlState());
        assertEquals("index 1 out of valid range, 0..0", range.getMessage());
    }

    @Test
    void integersAndBooleansCast() {
        assertEquals(List.of(1, 0, true, false, true), sql.rows("select true::int4, false::int4, 1::bool, 0::bool,"
                + " 5::bool").getFirst());
    }

    @Test
    void bitAggregatesVarianceAndOrderedStringAgg() {
        sql.update("create table s (q int, w text, f float8)");
        sql.update("insert into s values (10, 'b', 10), (5, 'a', 5), (7, 'c', 7), (3, 'A', 3), (null, null, null),"
                + " (2, 'x', 2), (1, 'y', 1)");
        assertEquals(List.of(0, 15, new BigDecimal("3.3862466931200784"), new BigDecimal("11.4666666666666667"),
                        new BigDecimal("3.0912061651652346"), new BigDecimal("9.5555555555555556"),
                        3.3862466931200785, 11.466666666666667),
                sql.rows("select bit_and(q), bit_or(q), stddev(q), variance(q), stddev_pop(q), var_pop(q),"
                        + " stddev(f), var_samp(f) from s").getFirst());
        assertEquals(List.of("A,a,b,c,x,y", "y,x,c,b,a,A"),
                sql.rows("select string_agg(w, ',' order by w), string_agg(w, ',' order by w desc) from s").getFirst());
        assertEquals(Arrays.asList(1, null, BigDecimal.ZERO),
                sql.rows("select bit_and(q), var_samp(q), var_pop(q) from s where q = 1").getFirst());
    }

    @Test
    void nthValueReadsAPositionOfTheFrame() {
        assertEquals(Arrays.asList(Arrays.asList(1, null), Arrays.asList(2, 20), Arrays.asList(3, 20)),
                sql.rows("select x, nth_value(x * 10, 2) over (order by x) from (values (1), (2), (3)) v(x) order by x"));
        PgException zero = assertThrows(PgException.class,
                () -> sql.query("select nth_value(x, 0) over () from (values (1)) v(x)"));
        assertEquals(SqlState.INVALID_ARGUMENT_FOR_NTH_VALUE, zero.sqlState());
    }
}
