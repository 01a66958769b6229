package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * Date arithmetic with days, arrays read from literals and printed as text, set-returning
 * functions in a select list, grouping sets and LATERAL, with the results PostgreSQL 15 gives.
 */
class SemanticsMoreTest {

    private final SqlHarness sql = new SqlHarness();

    @Test
    void datesMoveByDaysAndDifferInDays() {
        assertEquals(List.of(LocalDate.of(2020, 1, 4), LocalDate.of(2019, 12, 30), LocalDate.of(2020, 1, 4), 60),
                sql.rows("select date '2020-01-01' + 3, date '2020-01-01' - 2, 3 + date '2020-01-01',"
                        + " date '2020-03-01' - date '2020-01-01'").get(0));
        PgException e = assertThrows(PgException.class, () -> sql.value("select date '2020-01-01' + 2147483647"));
        assertEquals(SqlState.DATETIME_FIELD_OVERFLOW, e.sqlState());
        assertEquals("date out of range", e.getMessage());
    }

    @Test
    void aLiteralBesideAnArrayIsAnArray() {
        assertEquals(List.of(1, 2), sql.value("select array[1] || '{2}'"));
        assertEquals(List.of(2, 1), sql.value("select '{2}' || array[1]"));
        PgException e = assertThrows(PgException.class, () -> sql.value("select array[1] || '2'"));
        assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, e.sqlState());
    }

    @Test
    void anArrayCastToTextIsItsOutput() {
        assertEquals("{1,2}", sql.value("select array[1,2]::text"));
        assertEquals("{\"a b\",c,NULL,\"\"}", sql.value("select array['a b', 'c', null, '']::text"));
        assertEquals("{ab", sql.value("select array['abc']::varchar(3)"));
    }

    @Test
    void setReturningFunctionsInTheSelectListRepeatTheRow() {
        sql.execute("create table s (x int primary key, arr int[])");
        sql.execute("insert into s values (1, '{10,20}'), (2, '{30}'), (3, '{}'), (4, null)");
        assertEquals(List.of(List.of(1, 10), List.of(1, 20), List.of(2, 30)),
                sql.rows("select x, unnest(arr) from s order by 1, 2"));
        assertEquals(List.of(List.of(1), List.of(2), List.of(3)), sql.rows("select generate_series(1, 3)"));
        assertEquals(List.of(List.of(1, "a"), List.of(2, "b"), Arrays.asList(3, null)),
                sql.rows("select unnest(array[1,2,3]), unnest(array['a','b'])"));
    }

    @Test
    void groupingSetsGroupEachSet() {
        sql.execute("create table g (a int, b text, v int)");
        sql.execute("insert into g values (1, 'x', 10), (1, 'y', 20), (2, 'x', 30)");
        assertEquals(List.of(List.of(1, 30L), List.of(2, 30L), Arrays.asList(null, 60L)),
                sql.rows("select a, sum(v) from g group by rollup (a) order by 1"));
        List<List<Object>> cube = sql.rows("select a, b, grouping(a, b) from g group by cube (a, b) order by 1, 2");
        assertEquals(8, cube.size());
        assertEquals(3L, ((Number) cube.get(7).get(2)).longValue());
        assertEquals(List.of(List.of(0L)), sql.rows("select count(*) from g where false group by rollup (a)"));
    }

    @Test
    void lateralFunctionsReadTheRowsBeforeThem() {
        sql.execute("create table l (x int primary key)");
        sql.execute("insert into l values (1), (2)");
        assertEquals(List.of(List.of(1, 1), List.of(2, 1), List.of(2, 2)),
                sql.rows("select l.x, y from l cross join lateral generate_series(1, l.x) y order by 1, 2"));
    }
}
