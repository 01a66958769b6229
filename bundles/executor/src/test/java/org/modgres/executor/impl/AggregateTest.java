package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

class AggregateTest {

    private final SqlHarness sql = new SqlHarness();

    @BeforeEach
    void tables() {
        sql.update("create table t (g text, i integer, b bigint, n numeric(10, 2), f double precision)");
        sql.update("insert into t values ('a', 1, 10, 1.50, 0.5), ('a', 2, 20, 2.25, 1.5), ('b', 3, 30, null, null),"
                + " ('b', null, null, 4.00, 2.0), ('c', 3, 30, 1, 1)");
        sql.update("create table nothing (x integer)");
    }

    @Test
    void groupByWithEachAggregate() {
        assertEquals(List.of(
                        List.of("a", 2L, 2L, 3L, new BigDecimal("30"), new BigDecimal("3.75"), 2.0,
                                new BigDecimal("1.5000000000000000"), 1, 2),
                        Arrays.asList("b", 2L, 1L, 3L, new BigDecimal("30"), new BigDecimal("4.00"), 2.0,
                                new BigDecimal("3.0000000000000000"), 3, 3),
                        List.of("c", 1L, 1L, 3L, new BigDecimal("30"), new BigDecimal("1.00"), 1.0,
                                new BigDecimal("3.0000000000000000"), 3, 3)),
                sql.rows("select g, count(*), count(i), sum(i), sum(b), sum(n), sum(f), avg(i), min(i), max(i)"
                        + " from t group by g order by g"));
    }

    @Test
    void averagesFollowNumericDivision() {
        assertEquals(new BigDecimal("2.2500000000000000"), sql.value("select avg(i) from t"));
        assertEquals(new BigDecimal("2.1875000000000000"), sql.value("select avg(n) from t"));
        assertEquals(1.25, sql.value("select avg(f) from t"));
        assertEquals(new BigDecimal("22.5000000000000000"), sql.value("select avg(b) from t"));
    }

    @Test
    void countDistinct() {
        assertEquals(List.of(List.of(3L, 4L, 5L)), sql.rows("select count(distinct i), count(i), count(*) from t"));
        assertEquals(List.of(List.of(6L)), sql.rows("select sum(distinct i) from t"));
    }

    @Test
    void emptyInputWithoutGroupByGivesOneRow() {
        assertEquals(List.of(Arrays.asList(0L, 0L, null, null, null, null)),
                sql.rows("select count(*), count(x), sum(x), avg(x), min(x), max(x) from nothing"));
        assertEquals(List.of(), sql.rows("select x, count(*) from nothing group by x"));
        assertEquals(List.of(Arrays.asList(0L, null)), sql.rows("select count(*), sum(i) from t where i > 100"));
    }

    @Test
    void nullsFormOneGroup() {
        assertEquals(List.of(List.of(1, 1L), List.of(2, 1L), List.of(3, 2L), Arrays.asList(null, 1L)),
                sql.rows("select i, count(*) from t group by i order by i"));
    }

    @Test
    void havingAndAggregateExpressions() {
        assertEquals(List.of(List.of("a", 4L)),
                sql.rows("select g, sum(i) + 1 from t group by g having count(i) > 1 order by g"));
    }

    @Test
    void minAndMaxOfText() {
        assertEquals(List.of(List.of("a", "c")), sql.rows("select min(g), max(g) from t"));
    }

    @Test
    void sumOfBigintsDoesNotOverflow() {
        sql.update("insert into t (b) values (9223372036854775807), (9223372036854775807)");
        assertEquals(new BigDecimal("18446744073709551704"), sql.value("select sum(b) from t"));
    }

    @Test
    void scalarSubqueryWithManyRowsIsAnError() {
        PgException e = assertThrows(PgException.class, () -> sql.query("select (select i from t) from nothing"
                + " union all select (select i from t)"));
        assertEquals(SqlState.CARDINALITY_VIOLATION, e.sqlState());
        assertEquals("more than one row returned by a subquery used as an expression", e.getMessage());
    }

    @Test
    void orderedSetAggregatesTakeTheirWithinGroupOrder() {
        // PostgreSQL 15 for the same rows
        assertEquals(List.of(Arrays.asList(3, 30L, List.of(1.25, 1.625), Arrays.asList(new BigDecimal("1.50"), null))),
                sql.rows("select mode() within group (order by i), mode() within group (order by b desc), "
                        + "percentile_cont(array[0.5, 0.75]) within group (order by f), "
                        + "percentile_disc(array[0.5, null]) within group (order by n) from t"));
        assertEquals(new org.modgres.api.type.PgInterval(0, 1, 1_800_000_000L),
                sql.value("select percentile_cont(0.5) within group (order by x) "
                        + "from (values (interval '1 hour'), (interval '2 days')) v(x)"));
        PgException e = assertThrows(PgException.class, () -> sql.rows(
                "select percentile_disc(1.5) within group (order by i) from t"));
        assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, e.sqlState());
        assertEquals("percentile value 1.5 is not between 0 and 1", e.getMessage());
    }
}
