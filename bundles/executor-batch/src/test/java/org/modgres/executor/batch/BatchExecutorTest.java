package org.modgres.executor.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modgres.api.error.PgException;
import org.modgres.api.exec.Executor;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.Plan;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.Transaction;
import org.modgres.executor.impl.InterpretingExecutor;
import org.modgres.executor.impl.StatementResources;
import org.modgres.executor.impl.expr.ExpressionCompiler;
import org.modgres.executor.impl.operator.Interrupts;
import org.modgres.executor.impl.operator.MemoryBudget;
import org.modgres.parser.impl.PostgresSqlParser;
import org.modgres.planner.calcite.impl.CalcitePlanner;
import org.modgres.shmem.impl.SharedStorageImpl;

/**
 * The batch executor gives exactly the rows, in the same order, and the same errors as the
 * default executor, over tables larger than one batch; and it really runs batches.
 */
class BatchExecutorTest {

    private static final int ROWS = 5000;
    private static final PostgresSqlParser PARSER = new PostgresSqlParser();
    private static final CalcitePlanner PLANNER = new CalcitePlanner();
    private static final SharedStorage STORAGE = new SharedStorageImpl();

    private final Executor batch = new BatchExecutor();
    private final Executor interpreter = new InterpretingExecutor();

    @BeforeAll
    static void loadTables() {
        update("create table t (id int primary key, g int, v bigint, s text, n numeric(10,2))");
        update("create table u (id int primary key, t_id int, w text)");
        update("insert into t select i, i % 7, (i * 37) % 1000 - 500, case when i % 5 = 0 then null else 'r' || i end,"
                + " i / 8.0 from generate_series(1, " + ROWS + ") as x(i)");
        update("insert into u select i, i * 3, 'w' || (i % 11) from generate_series(1, 2000) as x(i)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select * from t",
        "select id, v from t where v > 100",
        "select id from t where v >= -3 and g = 2",
        "select id from t where 250 < v and v <= 400 and id <> 17",
        "select id from t where v < -499 or v > 498",
        "select id from t where s is null",
        "select id, s from t where s is not null and s like 'r1%'",
        "select id, v * 2 + g, upper(s), n * 3 from t where g <> 0",
        "select id from t where v = 1000000000000",
        "select id from t where v > 9223372036854775807",
        "select id from t where g < 2147483647 and g > -2147483648",
        "select id from t where id = 4321",
        "select id from t where id in (5, 50, 500)",
        "select count(*), sum(v), avg(v), min(s), max(n) from t",
        "select count(*), sum(v) from t where v > 10000",
        "select g, count(*), sum(v), count(s), string_agg(s, ',') filter (where id < 30) from t group by g",
        "select g, count(distinct v % 10) from t group by g having count(*) > 700",
        "select t.id, u.w from t join u on u.t_id = t.id where u.w <> 'w3'",
        "select t.id, u.id from t join u on u.t_id = t.id and u.id < t.g * 100",
        "select t.g, count(*) from t join u on u.t_id = t.id group by t.g",
        "select t.id, u.id from t left join u on u.t_id = t.id where t.id < 40",
        "with recursive r(n) as (select 1 union all select n + 1 from r where n < 50) select r.n, t.v from r join t on t.id = r.n",
        "with recursive r(g) as (select 0 union select (g + 3) % 7 from r) select t.id from t join r on r.g = t.g where t.id < 30",
        "select id from t where id > 4990 order by v desc, id limit 5",
        "select id from t limit 3 offset 1030",
        "select id, row_number() over (partition by g order by id) from t where id < 100",
        "select id from t where v > 400 union select t_id from u where id < 10",
        "select id from t where exists (select 1 from u where u.t_id = t.id and u.id > 1990)",
        "select id, (select count(*) from u where u.t_id = t.id) from t where id < 20",
        "select id from t where v > 1000",
        "select g, v from t where g = 3 and v = -500",
    })
    void gives_the_rows_of_the_default_executor(String sql) {
        List<List<Object>> expected = rows(interpreter, sql);
        assertEquals(expected, rows(batch, sql), sql);
    }

    @Test
    void kernels_take_parameters_and_literals_lifted_from_the_text() {
        String sql = "select id from t where v > $1 and g = $2";
        assertEquals(rows(interpreter, sql, 300L, 4), rows(batch, sql, 300L, 4));
        assertEquals(ROWS / 7 / 5, rows(batch, sql, 300L, 4).size(), 30);
    }

    @Test
    void counts_what_a_straightforward_loop_counts() {
        long wanted = 0;
        for (int i = 1; i <= ROWS; i++) {
            if ((i * 37) % 1000 - 500 > 100 && i % 7 != 3) {
                wanted++;
            }
        }
        assertEquals(List.of(List.of(wanted)), rows(batch, "select count(*) from t where v > 100 and g <> 3"));
    }

    @Test
    void runs_scans_filters_projections_aggregates_and_joins_as_batches() {
        String plan = batchOperators("select t.g, sum(t.v * 2) from t join u on u.t_id = t.id"
                + " where t.v > 10 and t.s like 'r%' group by t.g");
        assertTrue(plan.contains("BatchAggregate(1 keys, 1 aggregates)"), plan);
        assertTrue(plan.contains("BatchHashJoin(BatchFilter([$2 > 10, LIKE($3, 'r%')])"
                + " <- BatchScan(public.t), BatchScan(public.u))"), plan);
        assertTrue(plan.contains("BatchProject("), plan);
        String nullTest = batchOperators("select id from t where s is null and g >= 2");
        assertEquals("BatchProject(1 columns) <- BatchFilter([$3 IS NULL, $1 >= 2]) <- BatchScan(public.t)", nullTest);
    }

    @Test
    void leaves_single_row_key_lookups_to_the_row_operators() {
        String plan = batchOperators("select v from t where id = 42");
        assertEquals("BatchProject(1 columns) <- Rows(FilterOperator)", plan);
    }

    @Test
    void fails_as_the_default_executor_fails() {
        String sql = "select id from t where g = 0 or 10 / g > 1";
        PgException rowError = assertThrows(PgException.class, () -> rows(interpreter, "select 10 / g from t"));
        PgException batchError = assertThrows(PgException.class, () -> rows(batch, "select 10 / g from t"));
        assertEquals(rowError.sqlState(), batchError.sqlState());
        assertEquals(rowError.getMessage(), batchError.getMessage());
        assertEquals(rows(interpreter, sql), rows(batch, sql));
    }

    @Test
    void keeps_to_the_statement_memory_budget() {
        Map<String, String> settings = Map.of(MemoryBudget.SETTING, "64kB");
        PgException error = assertThrows(PgException.class,
                () -> rows(batch, settings, "select id, count(*) from t group by id"));
        assertEquals("53200", error.sqlState().code());
    }

    private String batchOperators(String sql) {
        RelationalPlan plan = (RelationalPlan) plan(sql);
        Transaction transaction = STORAGE.begin();
        try {
            SessionlessContext context = new SessionlessContext(transaction, List.of(), Map.of());
            StatementResources resources = new StatementResources(transaction,
                    new ExpressionCompiler(List.of(), plan.root().getCluster().getRexBuilder(), OffsetDateTime.now()),
                    new Interrupts(context), MemoryBudget.of(Map.of()));
            return new BatchPlanBuilder(resources).rows(plan.root()).toString();
        } finally {
            transaction.rollback();
        }
    }

    private static List<List<Object>> rows(Executor executor, String sql, Object... parameters) {
        return rows(executor, Map.of(), sql, parameters);
    }

    private static List<List<Object>> rows(Executor executor, Map<String, String> settings, String sql,
                                           Object... parameters) {
        Transaction transaction = STORAGE.begin();
        try {
            RowCursor cursor = executor.execute(plan(sql),
                    new SessionlessContext(transaction, Arrays.asList(parameters), settings));
            List<List<Object>> rows = new ArrayList<>();
            for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
                rows.add(Arrays.asList(row));
            }
            return rows;
        } finally {
            transaction.rollback();
        }
    }

    private static void update(String sql) {
        Transaction transaction = STORAGE.begin();
        RowCursor cursor = new InterpretingExecutor().execute(plan(sql),
                new SessionlessContext(transaction, List.of(), Map.of()));
        cursor.next();
        transaction.commit();
    }

    private static Plan plan(String sql) {
        PlannableStatement statement = (PlannableStatement) PARSER.parse(sql).getFirst();
        return PLANNER.plan(statement, new PlanningContext(STORAGE.catalog(), List.of()));
    }
}
