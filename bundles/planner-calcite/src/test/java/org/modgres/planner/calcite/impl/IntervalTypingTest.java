package org.modgres.planner.calcite.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.CreateTablePlan;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.plan.ResultColumn;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;
import org.modgres.parser.impl.PostgresSqlParser;
import org.modgres.shmem.impl.SharedStorageImpl;

/** The result types PostgreSQL 15 gives interval expressions, and interval columns. */
class IntervalTypingTest {

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
    void literalsAndCastsAreIntervals() {
        assertTypes("select interval '1 day', '1 day'::interval, cast('1' as interval), interval '2' year, "
                + "interval '3' hour", PgType.INTERVAL, PgType.INTERVAL, PgType.INTERVAL, PgType.INTERVAL, PgType.INTERVAL);
        assertEquals(List.of("interval", "interval", "interval"),
                columns("select interval '1 day', '1 day'::interval, interval '1' day").stream()
                        .map(ResultColumn::name).toList());
    }

    @Test
    void operatorsTakePostgresResultTypes() {
        String ts = "cast('2020-01-01' as timestamp)";
        assertTypes("select " + ts + " + interval '1 day', " + ts + " - interval '1 day', interval '1 day' + " + ts
                        + ", now() - interval '1 hour', current_date + interval '1 day', date '2020-01-01' - interval '1 day'",
                PgType.TIMESTAMP, PgType.TIMESTAMP, PgType.TIMESTAMP, PgType.TIMESTAMPTZ, PgType.TIMESTAMP,
                PgType.TIMESTAMP);
        assertTypes("select " + ts + " - " + ts + ", now() - now(), cast('10:00' as time) + interval '1 hour'",
                PgType.INTERVAL, PgType.INTERVAL, PgType.TIME);
        assertTypes("select interval '1 day' + interval '1 hour', interval '1 day' * 2, 1.5 * interval '1 day', "
                + "interval '1 day' / 2, - interval '1 day'", PgType.INTERVAL, PgType.INTERVAL, PgType.INTERVAL,
                PgType.INTERVAL, PgType.INTERVAL);
        assertTypes("select 1 + 2, 1.5 - 1, interval '1 day' < interval '2 days'", PgType.INT4, PgType.NUMERIC,
                PgType.BOOL);
    }

    @Test
    void functionsAndAggregates() {
        assertTypes("select age(now()), age(cast('2020-01-01' as timestamp), cast('2019-01-01' as timestamp)), "
                        + "justify_days(interval '1 day'), justify_hours(interval '1 day'), "
                        + "justify_interval(interval '1 day'), make_interval(days => 1), "
                        + "extract(epoch from interval '1 day'), date_part('day', interval '1 day'), "
                        + "date_trunc('day', interval '1 day')",
                PgType.INTERVAL, PgType.INTERVAL, PgType.INTERVAL, PgType.INTERVAL, PgType.INTERVAL, PgType.INTERVAL,
                PgType.NUMERIC, PgType.FLOAT8, PgType.INTERVAL);
        assertTypes("select sum(d), avg(d), min(d), max(d), sum(n), avg(n) from "
                + "(values (interval '1 day', 1)) as v(d, n)", PgType.INTERVAL, PgType.INTERVAL, PgType.INTERVAL,
                PgType.INTERVAL, PgType.INT8, PgType.NUMERIC);
    }

    @Test
    void aColumnOfTypeInterval() {
        PlannableStatement create = (PlannableStatement) PARSER.parse("create table t (d interval)").getFirst();
        CreateTablePlan plan = (CreateTablePlan) planner.plan(create, new PlanningContext(storage.catalog(), List.of()));
        assertEquals(ColumnType.of(PgType.INTERVAL), plan.definition().columns().get(0).type());
        assertEquals(ColumnType.of(PgType.INTERVAL), TypeMapping.toPostgres(TypeMapping.toCalcite(
                new SqlTypeFactoryImpl(ModgresTypeSystem.INSTANCE), ColumnType.of(PgType.INTERVAL), true)));
    }

    @Test
    void intervalFieldsAreNotSupported() {
        PgException e = assertThrows(PgException.class, () -> PARSER.parse("select cast('1' as interval(3))"));
        assertEquals(SqlState.SYNTAX_ERROR, e.sqlState());
    }
}
