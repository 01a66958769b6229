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

/** Window functions, with results computed by PostgreSQL 15 for the same data. */
class WindowTest {

    private final SqlHarness sql = new SqlHarness();

    @BeforeEach
    void tables() {
        sql.update("create table emp (id integer primary key, dept integer, name text, salary numeric(8, 2))");
        sql.update("insert into emp values (1, 10, 'ann', 300), (2, 10, 'bob', 200), (3, 20, 'cy', 200),"
                + " (4, 10, 'dee', 200), (5, 20, 'eve', 500), (6, null, 'fay', 100)");
    }

    @Test
    void rankingFunctions() {
        assertEquals(List.of(List.of(1, 1L, 1L, 1L), List.of(2, 2L, 2L, 2L), List.of(3, 2L, 2L, 2L),
                        List.of(4, 3L, 2L, 2L), List.of(5, 1L, 1L, 1L), List.of(6, 1L, 1L, 1L)),
                sql.rows("select id, row_number() over (partition by dept order by salary desc, id), "
                        + "rank() over (partition by dept order by salary desc), "
                        + "dense_rank() over (partition by dept order by salary desc) from emp order by id"));
    }

    @Test
    void aggregatesOverTheDefaultFrameIncludePeers() {
        List<List<Object>> rows = sql.rows("select id, sum(salary) over (order by salary), "
                + "count(*) over (order by salary), avg(salary) over (partition by dept) from emp order by id");
        assertEquals(List.of(1, new BigDecimal("1000.00"), 5L, new BigDecimal("233.3333333333333333")), rows.get(0));
        assertEquals(List.of(2, new BigDecimal("700.00"), 4L, new BigDecimal("233.3333333333333333")), rows.get(1));
        assertEquals(List.of(5, new BigDecimal("1500.00"), 6L, new BigDecimal("350.0000000000000000")), rows.get(4));
        assertEquals(List.of(6, new BigDecimal("100.00"), 1L, new BigDecimal("100.0000000000000000")), rows.get(5));
    }

    @Test
    void rowsFrames() {
        assertEquals(List.of(List.of(1, 3L, new BigDecimal("300.00"), 6L), List.of(2, 6L, new BigDecimal("200.00"), 6L),
                        List.of(3, 9L, new BigDecimal("200.00"), 6L), List.of(4, 12L, new BigDecimal("200.00"), 6L),
                        List.of(5, 15L, new BigDecimal("200.00"), 6L), List.of(6, 11L, new BigDecimal("100.00"), 6L)),
                sql.rows("select id, sum(id) over (order by id rows between 1 preceding and 1 following), "
                        + "min(salary) over (order by id rows 2 preceding), count(*) over () from emp order by id"));
    }

    @Test
    void valuesOfOtherRows() {
        assertEquals(List.of(Arrays.asList(1, null, "cy", "ann", "ann"), List.of(2, "ann", "dee", "ann", "bob"),
                        List.of(3, "bob", "eve", "cy", "cy"), List.of(4, "cy", "fay", "ann", "dee"),
                        List.of(5, "dee", "none", "cy", "eve"), List.of(6, "eve", "none", "fay", "fay")),
                sql.rows("select id, lag(name) over (order by id), lead(name, 2, 'none') over (order by id), "
                        + "first_value(name) over (partition by dept order by id), "
                        + "last_value(name) over (partition by dept order by id) from emp order by id"));
    }

    @Test
    void distributionFunctions() {
        List<List<Object>> rows = sql.rows("select id, ntile(4) over (order by id), percent_rank() over (order by salary), "
                + "cume_dist() over (order by salary) from emp order by id");
        assertEquals(List.of(1, 1L, 0.8, 0.8333333333333334), rows.get(0));
        assertEquals(List.of(3, 2L, 0.2, 0.6666666666666666), rows.get(2));
        assertEquals(List.of(5, 3L, 1.0, 1.0), rows.get(4));
        assertEquals(List.of(6, 4L, 0.0, 0.16666666666666666), rows.get(5));
    }

    @Test
    void windowsInFiltersOfSubqueries() {
        assertEquals(List.of(List.of("ann"), List.of("eve"), List.of("fay")),
                sql.rows("select name from (select name, rank() over (partition by dept order by salary desc) r "
                        + "from emp) s where r = 1 order by name"));
    }
    @Test
    void rangeFramesWithOffsetsMeasureTheOrderKey() {
        assertEquals(List.of(List.of(1, 10L), List.of(2, 16L), List.of(3, 16L), List.of(4, 16L), List.of(5, 5L),
                        List.of(6, 15L)),
                sql.rows("select id, sum(id) over (order by salary range between 100 preceding and 100 following) "
                        + "from emp order by id"));
        assertEquals(List.of(List.of(1, 4L), List.of(2, 4L), List.of(3, 4L), List.of(4, 4L), List.of(5, 1L),
                        List.of(6, 1L)),
                sql.rows("select id, count(*) over (order by salary desc range between 50 preceding and 150 following) "
                        + "from emp order by id"));
    }

    @Test
    void rangeFramesOfNullKeysAreTheirNullPeers() {
        assertEquals(List.of(List.of(1, 3L), List.of(2, 3L), List.of(3, 2L), List.of(4, 3L), List.of(5, 2L),
                        List.of(6, 1L)),
                sql.rows("select id, count(*) over (order by dept range between 5 preceding and 5 following) "
                        + "from emp order by id"));
    }

    @Test
    void intervalOffsetsMoveDates() {
        sql.update("create table visit (id integer, visited date)");
        sql.update("insert into visit values (1, '2024-01-01'), (2, '2024-01-03'), (3, '2024-01-10'), (4, null)");
        assertEquals(List.of(List.of(1, 1L), List.of(2, 2L), List.of(3, 1L), List.of(4, 1L)),
                sql.rows("select id, count(*) over (order by visited range between interval '2 days' preceding and "
                        + "current row) from visit order by id"));
    }

    @Test
    void groupsFramesCountPeerGroups() {
        assertEquals(List.of(List.of(1, 15L), List.of(2, 16L), List.of(3, 16L), List.of(4, 16L), List.of(5, 6L),
                        List.of(6, 15L)),
                sql.rows("select id, sum(id) over (order by salary groups between 1 preceding and 1 following) "
                        + "from emp order by id"));
    }

    @Test
    void exclusionsLeaveRowsOutOfTheFrame() {
        assertEquals(List.of(List.of(1, 5L, 5L, 6L), List.of(2, 5L, 3L, 4L), List.of(3, 5L, 3L, 4L),
                        List.of(4, 5L, 3L, 4L), List.of(5, 5L, 5L, 6L), List.of(6, 5L, 5L, 6L)),
                sql.rows("select id, count(*) over (order by salary rows between unbounded preceding and "
                        + "unbounded following exclude current row), count(*) over (order by salary range between "
                        + "unbounded preceding and unbounded following exclude group), count(*) over (order by salary "
                        + "groups between unbounded preceding and unbounded following exclude ties) "
                        + "from emp order by id"));
        assertEquals(Arrays.asList(Arrays.asList(1, 2), Arrays.asList(2, 6), Arrays.asList(3, 6),
                        Arrays.asList(4, 6), Arrays.asList(5, null), Arrays.asList(6, null)),
                sql.rows("select id, first_value(id) over (order by salary range between 100 preceding and current "
                        + "row exclude group) from emp order by id"));
    }

    @Test
    void framesRejectNegativeOffsetsAsPostgresqlDoes() {
        assertEquals(SqlState.INVALID_PRECEDING_OR_FOLLOWING_SIZE, error("select sum(id) over (order by salary "
                + "range between -1 preceding and current row) from emp").sqlState());
        assertEquals(SqlState.WINDOWING_ERROR, error("select sum(id) over (order by id, salary range between 1 "
                + "preceding and current row) from emp").sqlState());
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, error("select sum(id) over (order by id range between 1.5 "
                + "preceding and current row) from emp").sqlState());
    }

    @Test
    void rankingWithoutOrderAndFilteredAggregatesOverWindows() {
        // PostgreSQL 15 for the same rows
        assertEquals(Arrays.asList(Arrays.asList(1, 1L, 300.0, null), Arrays.asList(2, 1L, 200.0, 200.0),
                        Arrays.asList(3, 1L, 200.0, 400.0), Arrays.asList(4, 1L, 200.0, 600.0),
                        Arrays.asList(5, 1L, 500.0, 1100.0), Arrays.asList(6, 1L, 100.0, 1200.0)),
                sql.rows("select id, rank() over (), max(salary::float8) over (partition by dept, id), "
                        + "sum(salary::float8) filter (where id > 1) over (order by id) from emp order by id"));
    }

    @Test
    void aWindowReferringToANamedOneKeepsItsOwnFrame() {
        assertEquals(List.of(List.of(1, 3L, 1L), List.of(2, 5L, 2L), List.of(3, 7L, 2L), List.of(4, 4L, 2L)),
                sql.rows("select id, sum(id) over (w rows 1 preceding), count(*) over (w2 groups between 1 preceding "
                        + "and current row) from emp where id < 5 window w as (order by id desc), "
                        + "w1 as (partition by dept is null), w2 as (w1 order by id) order by id"));
    }

    private PgException error(String query) {
        return assertThrows(PgException.class, () -> sql.rows(query));
    }
}
