package org.modgres.planner.calcite.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;
import org.modgres.parser.impl.PostgresSqlParser;
import org.modgres.shmem.impl.SharedStorageImpl;

/** Date arithmetic with days, array literals and casts, set-returning functions, grouping sets, LATERAL. */
class SemanticsMorePlanningTest {

    private static final PostgresSqlParser PARSER = new PostgresSqlParser();

    private final SharedStorage storage = new SharedStorageImpl();
    private final CalcitePlanner planner = new CalcitePlanner();

    @BeforeEach
    void createTables() {
        Transaction t = storage.begin();
        t.createTable(new TableDefinition("public", "t",
                List.of(new ColumnInfo("x", ColumnType.of(PgType.INT4), true),
                        new ColumnInfo("arr", ColumnType.of(PgType.INT4_ARRAY), false)),
                List.of(0)));
        t.commit();
    }

    private RelationalPlan plan(String sql) {
        PlannableStatement statement = (PlannableStatement) PARSER.parse(sql).getFirst();
        return (RelationalPlan) planner.plan(statement, new PlanningContext(storage.catalog(), List.of()));
    }

    private List<PgType> columnTypes(String sql) {
        return plan(sql).columns().stream().map(column -> column.type().type()).toList();
    }

    @Test
    void dateWithIntegerIsADateAndTwoDatesDifferInDays() {
        assertEquals(List.of(PgType.DATE, PgType.DATE, PgType.DATE, PgType.INT4),
                columnTypes("select date '2020-01-01' + 3, date '2020-01-01' - 2, 3 + date '2020-01-01',"
                        + " date '2020-03-01' - date '2020-01-01'"));
    }

    @Test
    void aLiteralBesideAnArrayIsAnArray() {
        assertEquals(List.of(PgType.INT4_ARRAY, PgType.INT4_ARRAY),
                columnTypes("select array[1] || '{2}', '{2}' || arr from t"));
    }

    @Test
    void anArrayCastToTextIsText() {
        assertEquals(List.of(PgType.TEXT, PgType.TEXT), columnTypes("select array[1,2]::text, cast(arr as text) from t"));
    }

    @Test
    void setReturningFunctionsInTheSelectListKeepTheirLabels() {
        RelationalPlan plan = plan("select x, unnest(arr), unnest(arr) is null from t");
        assertEquals(List.of("x", "unnest", "?column?"), plan.columns().stream().map(column -> column.name()).toList());
        assertEquals(List.of("generate_series"),
                plan("select generate_series(1, x) from t").columns().stream().map(column -> column.name()).toList());
    }

    @Test
    void rollupGroupsByEachPrefix() {
        assertEquals(List.of(PgType.INT4, PgType.INT8),
                columnTypes("select x, count(*) from t group by rollup (x)"));
    }

    @Test
    void aLateralFunctionNamesItsColumnAfterItsAlias() {
        assertEquals(List.of("x", "y"), plan("select t.x, y from t cross join lateral generate_series(1, t.x) y")
                .columns().stream().map(column -> column.name()).toList());
    }
}
