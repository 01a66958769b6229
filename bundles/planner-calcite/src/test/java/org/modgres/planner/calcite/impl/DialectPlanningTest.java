package org.modgres.planner.calcite.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexDynamicParam;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.plan.ResultColumn;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;
import org.modgres.parser.impl.PostgresSqlParser;
import org.modgres.shmem.impl.SharedStorageImpl;

/** RETURNING, ON CONFLICT, LIMIT parameters, DISTINCT ON and window functions, parsed by the real parser. */
class DialectPlanningTest {

    private static final PostgresSqlParser PARSER = new PostgresSqlParser();

    private final SharedStorage storage = new SharedStorageImpl();
    private final CalcitePlanner planner = new CalcitePlanner();

    @BeforeEach
    void createTables() {
        Transaction t = storage.begin();
        t.createTable(new TableDefinition("public", "emp",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                        new ColumnInfo("name", ColumnType.ofLength(PgType.VARCHAR, 20), false),
                        new ColumnInfo("dept", ColumnType.of(PgType.INT4), false),
                        new ColumnInfo("hired", ColumnType.of(PgType.DATE), false)),
                List.of(0)));
        t.commit();
    }

    private RelationalPlan plan(String sql, PgType... declared) {
        PlannableStatement statement = (PlannableStatement) PARSER.parse(sql).getFirst();
        return (RelationalPlan) planner.plan(statement, new PlanningContext(storage.catalog(), List.of(declared)));
    }

    private PgException error(String sql) {
        return assertThrows(PgException.class, () -> plan(sql));
    }

    @Test
    void limitAndOffsetParametersAreBigints() {
        RelationalPlan plan = plan("select id from emp order by id limit $1 offset $2");
        Sort sort = assertInstanceOf(Sort.class, plan.root());
        assertEquals(0, assertInstanceOf(RexDynamicParam.class, sort.fetch).getIndex());
        assertEquals(1, assertInstanceOf(RexDynamicParam.class, sort.offset).getIndex());
        assertEquals(List.of(PgType.INT8, PgType.INT8), plan.parameterTypes());
    }

    @Test
    void aDeclaredLimitParameterKeepsItsType() {
        RelationalPlan plan = plan("select id from emp where dept = $2 fetch first $1 rows only", PgType.INT4);
        assertEquals(List.of(PgType.INT4, PgType.INT4), plan.parameterTypes());
    }

    @Test
    void returningIsAProjectionOfTheTargetWithColumnOrigins() {
        RelationalPlan plan = plan("insert into emp (id, name) values ($1, $2) returning *, id + 1 as next, upper(name)");
        assertInstanceOf(TableModify.class, plan.root());
        assertEquals(List.of("id", "name", "dept", "hired", "next", "upper"),
                plan.columns().stream().map(ResultColumn::name).toList());
        ResultColumn name = plan.columns().get(1);
        assertEquals(ColumnType.ofLength(PgType.VARCHAR, 20), name.type());
        assertEquals(2, name.columnNumber());
        assertTrue(name.tableOid() > 0);
        assertEquals(0, plan.columns().get(4).tableOid());
        assertEquals(PgType.INT4, plan.columns().get(4).type().type());
        assertScanOfEmp(plan.returning());
        assertEquals(List.of(PgType.INT4, PgType.TEXT), plan.parameterTypes());
    }

    @Test
    void returningOfUpdateAndDeleteUsesTheirAlias() {
        RelationalPlan update = plan("update emp as e set dept = 2 where e.id = 1 returning e.id, \"dept\"");
        assertEquals(List.of("id", "dept"), update.columns().stream().map(ResultColumn::name).toList());
        assertScanOfEmp(update.returning());
        RelationalPlan delete = plan("delete from emp returning hired");
        assertEquals(PgType.DATE, delete.columns().getFirst().type().type());
        assertNull(plan("delete from emp").returning());
        assertTrue(plan("delete from emp").columns().isEmpty());
    }

    @Test
    void returningRejectsWhatTheExecutorCannotRunPerRow() {
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, error("delete from emp returning (select 1)").sqlState());
        assertEquals(SqlState.UNDEFINED_COLUMN, error("delete from emp returning wage").sqlState());
    }

    @Test
    void onConflictDoNothingArbitratesOnTheNamedKeyOrOnEveryKey() {
        RelationalPlan plan = plan("insert into emp (id) values (1) on conflict do nothing");
        assertEquals(List.of(), plan.onConflict().arbiterColumns(), "without a target, every unique key arbitrates");
        assertNull(plan.onConflict().update());
        assertEquals(List.of(0), plan("insert into emp (id) values (1) on conflict (id) do nothing")
                .onConflict().arbiterColumns());
    }

    @Test
    void onConflictDoUpdateIsAProjectionOverExistingAndExcludedRows() {
        RelationalPlan plan = plan("insert into emp values (1, 'a', 1, '2020-01-01') on conflict (id) do update "
                + "set name = excluded.name || name, hired = '2021-02-03' where emp.dept <> excluded.dept returning id");
        Project project = assertInstanceOf(Project.class, plan.onConflict().update());
        assertEquals(4, project.getProjects().size());
        Filter filter = assertInstanceOf(Filter.class, project.getInput());
        Join join = assertInstanceOf(Join.class, filter.getInput());
        assertInstanceOf(TableScan.class, join.getLeft());
        assertInstanceOf(TableScan.class, join.getRight());
        String text = RelOptUtil.toString(project);
        assertTrue(text.contains("CAST('2021-02-03'):DATE"), text);
        // id and dept stay as they are: references to the existing row
        assertEquals("$0", project.getProjects().get(0).toString());
        assertEquals("$2", project.getProjects().get(2).toString());
        assertEquals(List.of("id"), plan.columns().stream().map(ResultColumn::name).toList());
    }

    @Test
    void onConflictErrorsAreRecognisedAsPostgreSqlDoes() {
        assertEquals(SqlState.INVALID_COLUMN_REFERENCE,
                error("insert into emp (id) values (1) on conflict (name) do nothing").sqlState());
        assertEquals("there is no unique or exclusion constraint matching the ON CONFLICT specification",
                error("insert into emp (id) values (1) on conflict (id, dept) do nothing").getMessage());
        assertEquals(SqlState.UNDEFINED_COLUMN,
                error("insert into emp (id) values (1) on conflict (nope) do nothing").sqlState());
        assertEquals("column \"wage\" of relation \"emp\" does not exist",
                error("insert into emp (id) values (1) on conflict (id) do update set wage = 1").getMessage());
        assertEquals("multiple assignments to same column \"dept\"",
                error("insert into emp (id) values (1) on conflict (id) do update set dept = 1, dept = 2")
                        .getMessage());
    }

    @Test
    void distinctOnKeepsTheFirstRowOfEachGroupThroughRowNumber() {
        RelationalPlan plan = plan("select distinct on (dept) dept, name from emp order by dept, hired desc");
        String text = RelOptUtil.toString(plan.root());
        assertTrue(text.contains("LogicalWindow"), text);
        assertTrue(text.contains("ROW_NUMBER()"), text);
        assertTrue(text.contains("partition {1} order by [1, 2 DESC]"), text);
        assertEquals(List.of("dept", "name"), plan.columns().stream().map(ResultColumn::name).toList());
    }

    @Test
    void distinctOnWithoutOrderByReturnsGroupsInKeyOrder() {
        RelationalPlan plan = plan("select distinct on (2) id, dept from emp");
        Sort sort = assertInstanceOf(Sort.class, plan.root());
        assertEquals(1, sort.getCollation().getFieldCollations().getFirst().getFieldIndex());
    }

    @Test
    void distinctOnMustMatchTheStartOfOrderBy() {
        PgException e = error("select distinct on (dept) id, dept from emp order by id, dept");
        assertEquals(SqlState.INVALID_COLUMN_REFERENCE, e.sqlState());
        assertEquals("SELECT DISTINCT ON expressions must match initial ORDER BY expressions", e.getMessage());
        assertEquals(21, e.position());
        // names of output columns, positions and any order of the keys are fine
        plan("select distinct on (d, id) id, dept as d from emp order by 1, d, name");
        assertEquals(SqlState.INVALID_COLUMN_REFERENCE,
                error("select distinct on (id, dept) id from emp order by id, name").sqlState());
        assertEquals("SELECT DISTINCT ON position 3 is not in select list",
                error("select distinct on (3) id from emp").getMessage());
    }

    @Test
    void windowFunctionsBecomeWindowNodes() {
        RelationalPlan plan = plan("select id, rank() over (partition by dept order by hired), "
                + "sum(id) over (order by id rows between 1 preceding and current row) from emp");
        String text = RelOptUtil.toString(plan.root());
        assertTrue(text.contains("LogicalWindow"), text);
        assertTrue(!text.contains("OVER ("), text);
        assertEquals(List.of("id", "rank", "sum"), plan.columns().stream().map(ResultColumn::name).toList());
    }

    private static void assertScanOfEmp(RelNode returning) {
        RelNode node = returning;
        while (node instanceof Project) {
            node = node.getInput(0);
        }
        TableScan scan = assertInstanceOf(TableScan.class, node);
        assertEquals(List.of("public", "emp"), scan.getTable().getQualifiedName());
    }
}
