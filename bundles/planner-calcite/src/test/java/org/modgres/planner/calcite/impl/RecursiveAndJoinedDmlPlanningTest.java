package org.modgres.planner.calcite.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
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

/** WITH RECURSIVE, UPDATE ... FROM, DELETE ... USING and WITH before DML, as the planner plans and refuses them. */
class RecursiveAndJoinedDmlPlanningTest {

    private static final PostgresSqlParser PARSER = new PostgresSqlParser();

    private final SharedStorage storage = new SharedStorageImpl();
    private final CalcitePlanner planner = new CalcitePlanner();

    @BeforeEach
    void createTables() {
        Transaction t = storage.begin();
        t.createTable(new TableDefinition("public", "item",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                        new ColumnInfo("name", ColumnType.of(PgType.TEXT), false)),
                List.of(0)));
        t.createTable(new TableDefinition("public", "price",
                List.of(new ColumnInfo("name", ColumnType.of(PgType.TEXT), true),
                        new ColumnInfo("amount", ColumnType.of(PgType.INT4), false)),
                List.of(0)));
        t.commit();
    }

    private RelationalPlan plan(String sql) {
        PlannableStatement statement = (PlannableStatement) PARSER.parse(sql).getFirst();
        return (RelationalPlan) planner.plan(statement, new PlanningContext(storage.catalog(), List.of()));
    }

    private PgException error(String sql) {
        PgException e = assertThrows(PgException.class, () -> plan(sql));
        assertEquals(SqlState.INVALID_RECURSION, e.sqlState(), e.getMessage());
        return e;
    }

    private static boolean contains(RelNode rel, Class<? extends RelNode> type) {
        if (type.isInstance(rel)) {
            return true;
        }
        return rel.getInputs().stream().anyMatch(input -> contains(input, type));
    }

    @Test
    void recursiveQueriesArePlannedAsRepeatUnions() {
        RelationalPlan plan = plan("with recursive t(n) as (select 1 union all select n + 1 from t where n < 5) "
                + "select * from t");
        assertTrue(contains(plan.root(), RepeatUnion.class), plan.root().explain());
        assertEquals(1, plan.columns().size());
    }

    @Test
    void badlyFormedRecursiveQueriesFailAsInPostgres() {
        PgException types = error("with recursive t(n) as (select 1 union all select n::bigint + 1 from t) select * from t");
        assertEquals("recursive query \"t\" column 1 has type integer in non-recursive term but type bigint overall",
                types.getMessage());
        assertEquals("Cast the output of the non-recursive term to the correct type.", types.hint());
        assertEquals(32, types.position());
        PgException form = error("with recursive t(n) as (select n from t) select * from t");
        assertEquals("recursive query \"t\" does not have the form non-recursive-term UNION [ALL] recursive-term",
                form.getMessage());
        assertEquals(16, form.position());
        assertEquals("recursive reference to query \"t\" must not appear within its non-recursive term",
                error("with recursive t(n) as (select 1 union all select n from t union all select 5 from t) "
                        + "select * from t").getMessage());
        assertEquals("aggregate functions are not allowed in a recursive query's recursive term",
                error("with recursive t(n) as (select 1 union all select count(*) from t) select * from t")
                        .getMessage());
        assertEquals("recursive reference to query \"t\" must not appear within a subquery",
                error("with recursive t(n) as (select 1 union all select n from t where n in (select n from t)) "
                        + "select * from t").getMessage());
        assertEquals("recursive reference to query \"t\" must not appear more than once",
                error("with recursive t(n) as (select 1 union all select a.n from t a, t b) select * from t")
                        .getMessage());
    }

    @Test
    void aRecursiveWithQueryThatDoesNotReadItselfIsAnOrdinaryOne() {
        RelationalPlan plan = plan("with recursive t(n) as (select 1) select * from t");
        assertTrue(!contains(plan.root(), RepeatUnion.class));
    }

    @Test
    void updateFromJoinsTheTargetOnTheLeftAndArrangesTheRows() {
        RelationalPlan plan = plan("update item i set name = p.name || '!' from price p where p.name = i.name "
                + "returning i.id, p.amount");
        TableModify modify = assertInstanceOf(TableModify.class, plan.root());
        assertEquals(TableModify.Operation.UPDATE, modify.getOperation());
        assertEquals(List.of("name"), modify.getUpdateColumnList());
        // the target's two columns, the new name, the other table's two columns
        assertEquals(5, modify.getInput().getRowType().getFieldCount());
        assertTrue(contains(modify.getInput(), Join.class));
        RelNode leftmost = modify.getInput();
        while (!leftmost.getInputs().isEmpty()) {
            leftmost = leftmost.getInput(0);
        }
        assertEquals(List.of("public", "item"), ((TableScan) leftmost).getTable().getQualifiedName());
        assertNotNull(plan.returning());
        assertEquals(List.of("id", "amount"), plan.columns().stream().map(c -> c.name()).toList());
    }

    @Test
    void deleteUsingReadsTheOtherTables() {
        RelationalPlan plan = plan("delete from item using price where price.name = item.name and price.amount > 3");
        TableModify modify = assertInstanceOf(TableModify.class, plan.root());
        assertEquals(TableModify.Operation.DELETE, modify.getOperation());
        assertEquals(4, modify.getInput().getRowType().getFieldCount());
    }

    @Test
    void unknownSetColumnsOfUpdateFromFail() {
        PgException e = assertThrows(PgException.class,
                () -> plan("update item set nosuch = 1 from price where price.name = item.name"));
        assertEquals(SqlState.UNDEFINED_COLUMN, e.sqlState());
        assertEquals("column \"nosuch\" of relation \"item\" does not exist", e.getMessage());
        PgException mismatch = assertThrows(PgException.class,
                () -> plan("update item set id = price.name from price where price.name = item.name"));
        assertEquals(SqlState.DATATYPE_MISMATCH, mismatch.sqlState());
        assertEquals("column \"id\" is of type integer but expression is of type text", mismatch.getMessage());
        // a string literal takes the column's type; a text column takes any value
        plan("update item set id = '5', name = price.amount from price where price.name = item.name");
    }

    @Test
    void withBeforeDmlReadsItsQueries() {
        RelationalPlan update = plan("with cheap as (select name from price where amount < 2) "
                + "update item set name = 'x' where name in (select name from cheap)");
        assertInstanceOf(TableModify.class, update.root());
        RelationalPlan insert = plan("with recursive n(i) as (select 1 union all select i + 1 from n where i < 3) "
                + "insert into item select i, 'n' from n");
        assertTrue(contains(insert.root(), RepeatUnion.class));
        RelationalPlan delete = plan("with p as (select * from price) delete from item using p where p.name = item.name");
        assertEquals(TableModify.Operation.DELETE, ((TableModify) delete.root()).getOperation());
    }
}
