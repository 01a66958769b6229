package org.modgres.planner.calcite.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.schema.TransientTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.DataModifyingWith;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;
import org.modgres.parser.impl.PostgresSqlParser;
import org.modgres.shmem.impl.SharedStorageImpl;

/** INSERT, UPDATE and DELETE in WITH; rows as json; the types of columns under ORDER BY. */
class DataModifyingWithAndRowJsonPlanningTest {

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
        t.createTable(new TableDefinition("public", "archive",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), false),
                        new ColumnInfo("name", ColumnType.of(PgType.TEXT), false)),
                List.of()));
        t.commit();
    }

    private RelationalPlan plan(String sql) {
        PlannableStatement statement = (PlannableStatement) PARSER.parse(sql).getFirst();
        return (RelationalPlan) planner.plan(statement, new PlanningContext(storage.catalog(), List.of()));
    }

    private static boolean scansTransientTable(RelNode rel) {
        if (rel instanceof TableScan scan) {
            return scan.getTable().unwrap(TransientTable.class) != null;
        }
        return rel.getInputs().stream().anyMatch(DataModifyingWithAndRowJsonPlanningTest::scansTransientTable);
    }

    @Test
    void deleteInWithRunsBeforeTheQueryThatReadsItsRows() {
        RelationalPlan plan = plan("with d as (delete from item where id > 1 returning id, name) select name from d");
        DataModifyingWith root = assertInstanceOf(DataModifyingWith.class, plan.root());
        assertEquals(1, root.steps().size());
        RelationalPlan step = root.steps().getFirst().plan();
        assertEquals(TableModify.Operation.DELETE, assertInstanceOf(TableModify.class, step.root()).getOperation());
        assertNotNull(step.returning());
        assertTrue(scansTransientTable(root.main()), root.main().explain());
        assertEquals(List.of("name"), plan.columns().stream().map(column -> column.name()).toList());
        // privilege checks and EXPLAIN walk the inputs: the DML is among them
        assertTrue(root.getInputs().contains(step.root()));
    }

    @Test
    void updateInWithBeforeAnInsert() {
        RelationalPlan plan = plan("with u as (update item set name = upper(name) returning *) "
                + "insert into archive select id, name from u");
        assertEquals(StatementKind.INSERT, plan.kind());
        DataModifyingWith root = assertInstanceOf(DataModifyingWith.class, plan.root());
        assertEquals(TableModify.Operation.INSERT, assertInstanceOf(TableModify.class, root.main()).getOperation());
    }

    @Test
    void dmlWithoutReturningStillRunsAndCannotBeRead() {
        RelationalPlan plan = plan("with d as (delete from item) select 1");
        DataModifyingWith root = assertInstanceOf(DataModifyingWith.class, plan.root());
        assertNull(root.steps().getFirst().plan().returning());
        PgException e = assertThrows(PgException.class, () -> plan("with d as (delete from item) select * from d"));
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, e.sqlState());
        assertEquals("WITH query \"d\" does not have a RETURNING clause", e.getMessage());
    }

    @Test
    void aParameterOnlyTheDmlUsesTakesItsType() {
        RelationalPlan plan = plan("with d as (delete from item where id = $1 returning name) select name from d");
        assertEquals(List.of(PgType.INT4), plan.parameterTypes());
    }

    @Test
    void tableNamesAsValuesBecomeJsonOfTheirColumns() {
        RelationalPlan plan = plan("select row_to_json(i), to_jsonb(i), json_agg(i) over () from item i");
        assertEquals(PgType.JSON, plan.columns().get(0).type().type());
        assertEquals(PgType.JSONB, plan.columns().get(1).type().type());
        assertEquals("row_to_json", plan.columns().get(0).name());
        assertEquals("to_jsonb", plan.columns().get(1).name());
        String explained = plan.root().explain();
        assertTrue(explained.contains("row_to_json('id', $0, 'name', $1)"), explained);
    }

    @Test
    void aColumnNamedLikeTheTableStaysTheColumn() {
        Transaction t = storage.begin();
        t.createTable(new TableDefinition("public", "tag",
                List.of(new ColumnInfo("tag", ColumnType.of(PgType.INT4), false)), List.of()));
        t.commit();
        String explained = plan("select to_json(tag) from tag").root().explain();
        assertTrue(explained.contains("to_json($0)"), explained);
    }

    @Test
    void rowConstructorsHaveNumberedFields() {
        String explained = plan("select row_to_json(row(1, 'a'))").root().explain();
        assertTrue(explained.contains("'f1'") && explained.contains("'f2'"), explained);
    }

    @Test
    void nameFunctionsKeepTheirTypeUnderAnOrderByOfOtherColumns() {
        RelationalPlan plan = plan("select current_user as owner, name from item order by id, upper(name)");
        assertEquals(PgType.NAME, plan.columns().getFirst().type().type());
        assertEquals(PgType.TEXT, plan.columns().get(1).type().type());
        assertEquals(PgType.NAME, plan("select current_user").columns().getFirst().type().type());
    }
}
