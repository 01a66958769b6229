package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.ResultColumn;

/**
 * Aggregates with ORDER BY among their arguments, data-modifying WITH reading the statement's
 * snapshot, json[] columns, several set-returning functions in a select list, row_to_json's pretty
 * form, percentiles and the labels of coalesce, nullif and EXISTS, planned and run with the real
 * parser and planner.
 */
class DialectGapsTest {

    private final SqlHarness sql = new SqlHarness();

    @BeforeEach
    void tables() {
        sql.update("create table item (id integer primary key, name text, qty integer)");
        sql.update("insert into item values (1, 'a', 30), (2, 'b', 10), (3, 'c', 20)");
    }

    @Test
    void jsonAggregatesTakeTheOrderOfTheirArguments() {
        assertEquals("[2, 3, 1]", sql.value("select json_agg(id order by qty) from item").toString());
        assertEquals("[1, 3, 2]", sql.value("select jsonb_agg(id order by qty desc) from item").toString());
        assertEquals("{ \"c\" : 20, \"b\" : 10 }",
                sql.value("select json_object_agg(name, qty order by name desc) from item where id > 1").toString());
        assertEquals("[{\"id\":2,\"name\":\"b\",\"qty\":10}, \n {\"id\":1,\"name\":\"a\",\"qty\":30}]",
                sql.value("select json_agg(i order by i.name desc) filter (where i.id < 3) from item i").toString());
        assertEquals(60L, sql.value("select sum(qty order by name) from item"));
    }

    @Test
    void anAggregateOrderByIsCheckedAsPostgresChecksIt() {
        PgException distinct = assertThrows(PgException.class,
                () -> sql.rows("select json_agg(distinct name order by qty) from item"));
        assertEquals(SqlState.INVALID_COLUMN_REFERENCE, distinct.sqlState());
        PgException notAggregate = assertThrows(PgException.class,
                () -> sql.rows("select lower(name order by qty) from item"));
        assertEquals(SqlState.WRONG_OBJECT_TYPE, notAggregate.sqlState());
        assertEquals("ORDER BY specified, but lower is not an aggregate function", notAggregate.getMessage());
        PgException window = assertThrows(PgException.class,
                () -> sql.rows("select sum(qty order by id) over () from item"));
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, window.sqlState());
    }

    @Test
    void theMainQueryReadsTheTableAsTheStatementFoundIt() {
        assertEquals(List.of(List.of(3L, 2L)), sql.rows(
                "with d as (delete from item where id < 3 returning id) select (select count(*) from item), "
                        + "(select count(*) from d)"));
        assertEquals(List.of(List.of(3, "c", 20)), sql.stored("item"));
        sql.update("with i as (insert into item values (4, 'd', 40) returning id) "
                + "insert into item select id + 10, name, qty from item");
        assertEquals(List.of(3, 4, 13), sql.rows("select id from item order by id").stream().map(List::getFirst)
                .toList());
    }

    @Test
    void jsonArraysAreStoredInJsonArrayColumns() {
        sql.update("create table doc (id integer, j json[], jb jsonb[])");
        sql.update("insert into doc values (1, ARRAY['{\"a\":1}'::json, '[1,2]'::json], ARRAY['{\"b\": 2}'::jsonb])");
        sql.update("update doc set jb = ARRAY['1'::json] where id = 1");
        assertEquals("[{\"a\":1}, [1,2]]", sql.value("select j from doc").toString());
        assertEquals("[1]", sql.value("select jb from doc").toString());
        assertEquals(List.of(), sql.value("select ARRAY[]::jsonb[]"));
    }

    @Test
    void setReturningFunctionsInOneSelectListRunInLockstep() {
        assertEquals(List.of(Arrays.asList(1, 1), Arrays.asList(2, 2), Arrays.asList(3, null)),
                sql.rows("select generate_series(1, 3), generate_series(1, 2)"));
        assertEquals(List.of(Arrays.asList(1, "a"), Arrays.asList(null, "b")),
                sql.rows("select generate_series(1, 1), unnest(array['a', 'b'])"));
    }

    @Test
    void rowToJsonPretty() {
        assertEquals("{\"id\":1,\n \"name\":\"a\",\n \"qty\":30}",
                sql.value("select row_to_json(i, true) from item i where id = 1").toString());
        assertEquals(List.of(), sql.value("select (array[1, 2, 3])[2:3][1:1]"));
    }

    @Test
    void percentiles() {
        assertEquals(List.of(List.of(25.0, 20)), sql.rows("select percentile_cont(0.75) within group (order by qty), "
                + "percentile_disc(0.5) within group (order by qty) from item"));
        assertEquals(15.0, sql.value("select percentile_cont(0.5) within group (order by qty desc) from item where id > 1"));
    }

    @Test
    void coalesceAndNullifAreLabelledAfterTheFunction() {
        List<String> labels = sql.relationalPlan("select coalesce(qty, 0), nullif(name, 'a'), case when id = 1 "
                + "then name end, exists (select 1) from item").columns().stream().map(ResultColumn::name).toList();
        assertEquals(List.of("coalesce", "nullif", "case", "exists"), labels);
    }
}
