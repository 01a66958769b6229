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

/** The result types and column names PostgreSQL 15 gives the functions of its SQL dialect. */
class FunctionTypingTest {

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
    void numericArgumentsKeepNumericAndOthersGiveDoublePrecision() {
        assertTypes("select exp(1), exp(1.0), ln(2), ln(2.0), sqrt(2), sqrt(2.0), power(2, 3), power(2.0, 3)",
                PgType.FLOAT8, PgType.NUMERIC, PgType.FLOAT8, PgType.NUMERIC, PgType.FLOAT8, PgType.NUMERIC,
                PgType.FLOAT8, PgType.NUMERIC);
        assertTypes("select power(cast(2 as double precision), 0.5), sign(-2), log(2, 8), div(7, 2), random()",
                PgType.FLOAT8, PgType.FLOAT8, PgType.NUMERIC, PgType.NUMERIC, PgType.FLOAT8);
        assertTypes("select greatest(1, 2), greatest(1, 2.5), least('a', 'b'), gen_random_uuid()",
                PgType.INT4, PgType.NUMERIC, PgType.TEXT, PgType.UUID);
    }

    @Test
    void dateTimeFunctions() {
        assertTypes("select date_trunc('day', cast('2024-01-01' as timestamp)), date_trunc('day', now()), "
                        + "date_trunc('day', cast('2024-01-01' as date)), extract(year from now()), "
                        + "date_part('year', now()), to_date('2024', 'YYYY'), to_timestamp(0), to_char(now(), 'YYYY')",
                PgType.TIMESTAMP, PgType.TIMESTAMPTZ, PgType.TIMESTAMPTZ, PgType.NUMERIC, PgType.FLOAT8, PgType.DATE,
                PgType.TIMESTAMPTZ, PgType.TEXT);
    }

    @Test
    void columnsAreNamedAfterPostgresFunctions() {
        assertEquals(List.of("extract", "date_trunc", "translate", "pg_typeof", "string_to_array"),
                columns("select extract(year from now()), date_trunc('day', now()), translate('a', 'a', 'b'), "
                        + "pg_typeof(1), string_to_array('a', ',')").stream().map(ResultColumn::name).toList());
    }

    @Test
    void argumentsOfNoOverloadAreRefused() {
        PgException e = assertThrows(PgException.class, () -> columns("select date_trunc('day', 5)"));
        assertEquals(SqlState.UNDEFINED_FUNCTION, e.sqlState());
        assertEquals("function date_trunc does not exist", e.getMessage());
    }

    @Test
    void orderedSetAggregatesTypeTheirResultsAsPostgresql() {
        assertTypes("select mode() within group (order by x), percentile_cont(0.5) within group (order by x), "
                        + "percentile_disc(0.5) within group (order by x) from (values (1), (2)) v(x)",
                PgType.INT4, PgType.FLOAT8, PgType.INT4);
        assertTypes("select percentile_cont(0.5) within group (order by x), percentile_cont(array[0.5]) within group "
                        + "(order by x), percentile_disc(array[0.5]) within group (order by x) "
                        + "from (values (interval '1 hour')) v(x)",
                PgType.INTERVAL, PgType.INTERVAL_ARRAY, PgType.INTERVAL_ARRAY);
        assertEquals(List.of("mode", "percentile_cont"), columns("select mode() within group (order by x), "
                + "percentile_cont(0.1) within group (order by x) from (values (1)) v(x)").stream()
                .map(ResultColumn::name).toList());
        PgException e = assertThrows(PgException.class, () -> columns("select percentile_cont(0.5) within group "
                + "(order by x) from (values (current_date)) v(x)"));
        assertEquals(SqlState.UNDEFINED_FUNCTION, e.sqlState());
    }

    @Test
    void generateSeriesOverTimestampsGivesTimestamps() {
        assertTypes("select * from generate_series(cast('2024-01-01' as timestamp), '2024-01-03', '1 day')",
                PgType.TIMESTAMP);
        assertTypes("select * from generate_series(current_date, current_date + 1, interval '1 hour')",
                PgType.TIMESTAMPTZ);
    }

    @Test
    void rankingWithoutOrderAndFilteredWindowAggregatesArePlanned() {
        assertTypes("select rank() over (), cume_dist() over (), sum(x) filter (where x > 1) over (order by x), "
                + "count(*) filter (where x > 1) over () from (values (1), (2)) v(x)",
                PgType.INT8, PgType.FLOAT8, PgType.INT8, PgType.INT8);
    }
}
