package org.modgres.planner.calcite.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.plan.ResultColumn;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;
import org.modgres.shmem.impl.SharedStorageImpl;

class CalcitePlannerTest {

    private final SharedStorage storage = new SharedStorageImpl();
    private final CalcitePlanner planner = new CalcitePlanner();

    @BeforeEach
    void createTables() {
        Transaction t = storage.begin();
        t.createTable(new TableDefinition("public", "emp",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                        new ColumnInfo("name", ColumnType.ofLength(PgType.VARCHAR, 20), false),
                        new ColumnInfo("dept", ColumnType.of(PgType.INT4), false),
                        new ColumnInfo("salary", ColumnType.numeric(10, 2), false)),
                List.of(0)));
        t.createTable(new TableDefinition("public", "dept",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                        new ColumnInfo("title", ColumnType.of(PgType.TEXT), false)),
                List.of(0)));
        t.commit();
    }

    private RelationalPlan plan(String sql, StatementKind kind, PgType... declared) throws SqlParseException {
        SqlParser parser = SqlParser.create(sql,
                SqlParser.config().withUnquotedCasing(Casing.TO_LOWER).withCaseSensitive(true));
        int parameters = (int) sql.chars().filter(ch -> ch == '?').count();
        PlannableStatement statement = new PlannableStatement(sql, kind, parser.parseStmt(), parameters);
        List<PgType> types = new ArrayList<>(List.of(declared));
        return (RelationalPlan) planner.plan(statement, new PlanningContext(storage.catalog(), types));
    }

    @Test
    void result_columns_carry_table_types_origins_and_postgres_labels() throws Exception {
        RelationalPlan plan = plan("select name, salary * 2, count(*) over () as n, upper(name) from emp",
                StatementKind.SELECT);
        List<ResultColumn> columns = plan.columns();
        assertEquals("name", columns.get(0).name());
        assertEquals(ColumnType.ofLength(PgType.VARCHAR, 20), columns.get(0).type());
        assertEquals(2, columns.get(0).columnNumber());
        assertTrue(columns.get(0).tableOid() >= 16384);
        assertEquals("?column?", columns.get(1).name());
        assertEquals(PgType.NUMERIC, columns.get(1).type().type());
        assertEquals("n", columns.get(2).name());
        assertEquals(PgType.INT8, columns.get(2).type().type());
        assertEquals("upper", columns.get(3).name());
        assertEquals("calcite", plan.plannerName());
    }

    @Test
    void aggregates_follow_postgres_result_types() throws Exception {
        RelationalPlan plan = plan("select count(*), sum(dept), avg(dept), sum(salary) from emp", StatementKind.SELECT);
        assertEquals(List.of(PgType.INT8, PgType.INT8, PgType.NUMERIC, PgType.NUMERIC),
                plan.columns().stream().map(c -> c.type().type()).toList());
        assertEquals(List.of("count", "sum", "avg", "sum"), plan.columns().stream().map(ResultColumn::name).toList());
    }

    @Test
    void parameter_types_are_declared_or_inferred() throws Exception {
        RelationalPlan inferred = plan("select name from emp where id = ? and salary > ?", StatementKind.SELECT);
        assertEquals(List.of(PgType.INT4, PgType.NUMERIC), inferred.parameterTypes());
        RelationalPlan declared = plan("select name from emp where id = ?", StatementKind.SELECT, PgType.INT8);
        assertEquals(List.of(PgType.INT8), declared.parameterTypes());
    }

    @Test
    void filters_move_into_joins_and_in_lists_stay_plain_comparisons() throws Exception {
        RelationalPlan plan = plan("select e.name, d.title from emp e, dept d where e.dept = d.id and e.id in (1, 2, 3)",
                StatementKind.SELECT);
        String text = RelOptUtil.toString(plan.root());
        assertTrue(text.contains("LogicalJoin(condition=[=("), text);
        assertFalse(text.contains("SEARCH"), text);
        assertFalse(text.contains("Sarg"), text);
    }

    @Test
    void dml_plans_are_table_modifications() throws Exception {
        assertTrue(RelOptUtil.toString(plan("insert into emp values (1, 'a', 1, 1.5)", StatementKind.INSERT).root())
                .startsWith("LogicalTableModify(table=[[public, emp]], operation=[INSERT]"));
        assertTrue(RelOptUtil.toString(plan("update emp set salary = 0 where id = 1", StatementKind.UPDATE).root())
                .contains("operation=[UPDATE]"));
        assertTrue(plan("delete from emp", StatementKind.DELETE).columns().isEmpty());
    }

    @Test
    void unknown_names_give_postgres_errors_with_positions() {
        PgException table = assertThrows(PgException.class, () -> plan("select * from nope", StatementKind.SELECT));
        assertEquals(SqlState.UNDEFINED_TABLE, table.sqlState());
        assertEquals("relation \"nope\" does not exist", table.getMessage());
        assertEquals(15, table.position());
        PgException column = assertThrows(PgException.class, () -> plan("select wage from emp", StatementKind.SELECT));
        assertEquals(SqlState.UNDEFINED_COLUMN, column.sqlState());
        assertEquals("column \"wage\" does not exist", column.getMessage());
        assertEquals(8, column.position());
    }

    @Test
    void version_is_folded_into_a_literal() throws Exception {
        RelationalPlan plan = plan("select version()", StatementKind.SELECT);
        assertEquals("version", plan.columns().get(0).name());
        assertTrue(RelOptUtil.toString(plan.root()).contains("PostgreSQL 15"));
    }
}
