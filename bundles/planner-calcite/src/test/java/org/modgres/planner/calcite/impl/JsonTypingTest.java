package org.modgres.planner.calcite.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.plan.ResultColumn;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.type.PgType;
import org.modgres.parser.impl.PostgresSqlParser;
import org.modgres.shmem.impl.SharedStorageImpl;

/** The result types PostgreSQL 15 gives json and jsonb expressions, and their errors at planning. */
class JsonTypingTest {

    private static final PostgresSqlParser PARSER = new PostgresSqlParser();

    private final SharedStorage storage = new SharedStorageImpl();
    private final CalcitePlanner planner = new CalcitePlanner();

    private List<ResultColumn> columns(String sql) {
        PlannableStatement statement = (PlannableStatement) PARSER.parse(sql).getFirst();
        return ((RelationalPlan) planner.plan(statement, new PlanningContext(storage.catalog(), List.of()))).columns();
    }

    private void assertTypes(String sql, PgType... expected) {
        assertEquals(List.of(expected), columns(sql).stream().map(c -> c.type().type()).toList(), sql);
    }

    @Test
    void castsAndOperatorsTakePostgresTypes() {
        assertTypes("select '{}'::json, '{}'::jsonb, cast('[]' as jsonb), '{}'::jsonb::text", PgType.JSON, PgType.JSONB,
                PgType.JSONB, PgType.TEXT);
        assertTypes("select '{}'::jsonb -> 'a', '{}'::json -> 0, '{}'::jsonb ->> 'a', '{}'::json #> '{a}', "
                + "'{}'::jsonb #>> '{a}'", PgType.JSONB, PgType.JSON, PgType.TEXT, PgType.JSON, PgType.TEXT);
        assertTypes("select '{}'::jsonb @> '{}', '{}'::jsonb ? 'a', '{}'::jsonb ?| '{a}', '{}'::jsonb || '[]'::jsonb, "
                + "'{}'::jsonb - 'a'", PgType.BOOL, PgType.BOOL, PgType.BOOL, PgType.JSONB, PgType.JSONB);
        assertEquals(List.of("json", "jsonb", "?column?"),
                columns("select '{}'::json, '{}'::jsonb, '{}'::jsonb -> 'a'").stream().map(ResultColumn::name).toList());
    }

    @Test
    void functionsReturnJsonTypes() {
        assertTypes("select to_json(1), to_jsonb('a'::text), json_build_object('a', 1), jsonb_build_array(1), "
                + "jsonb_typeof('{}'), jsonb_array_length('[]'), jsonb_pretty('{}')", PgType.JSON, PgType.JSONB,
                PgType.JSON, PgType.JSONB, PgType.TEXT, PgType.INT4, PgType.TEXT);
        assertTypes("select json_agg(x), jsonb_object_agg('k', x) from (values (1)) v(x)", PgType.JSON, PgType.JSONB);
        assertTypes("select * from jsonb_each('{}')", PgType.TEXT, PgType.JSONB);
    }

    @Test
    void jsonHasNoEquality() {
        PgException e = assertThrows(PgException.class, () -> columns("select '1'::json = '1'::json"));
        assertEquals(SqlState.UNDEFINED_FUNCTION, e.sqlState());
        assertEquals("operator does not exist: json = json", e.getMessage());
        assertThrows(PgException.class, () -> columns("select 1 -> 'a'"));
    }

    @Test
    void arraysOfJsonAndJsonbAreTheirArrayTypes() {
        assertTypes("select '{\"[1]\"}'::jsonb[], '{}'::json[], ('{\"[1]\"}'::jsonb[])[1], array['1'::jsonb]",
                PgType.JSONB_ARRAY, PgType.JSON_ARRAY, PgType.JSONB, PgType.JSONB_ARRAY);
    }
}
