package org.modgres.planner.calcite.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.CreateTablePlan;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.plan.ResultColumn;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.api.storage.ViewInfo;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;
import org.modgres.parser.impl.PostgresSqlParser;
import org.modgres.shmem.impl.SharedStorageImpl;

/** Names found through the search path, and views put in place of their names, parsed by the real parser. */
class SchemaViewPlanningTest {

    private static final PostgresSqlParser PARSER = new PostgresSqlParser();

    private final SharedStorage storage = new SharedStorageImpl();
    private final CalcitePlanner planner = new CalcitePlanner();

    @BeforeEach
    void createTables() {
        Transaction t = storage.begin();
        t.createSchema("sales", 10);
        List<ColumnInfo> columns = List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                new ColumnInfo("amount", ColumnType.of(PgType.INT4), false));
        TableInfo orders = t.createTable(new TableDefinition("sales", "orders", columns, List.of(0)));
        t.createTable(new TableDefinition("public", "orders", columns.subList(0, 1), List.of(0)));
        t.createView(new ViewInfo(0, "sales", "big", List.of(columns.get(0), new ColumnInfo("doubled",
                ColumnType.of(PgType.INT4), false)), "select id, amount * 2 from orders where amount > 10",
                "", List.of("sales"), List.of(orders.oid())), false);
        t.commit();
    }

    private RelationalPlan plan(String sql, List<String> searchPath) {
        PlannableStatement statement = (PlannableStatement) PARSER.parse(sql).get(0);
        return (RelationalPlan) planner.plan(statement,
                new PlanningContext(storage.catalog(), List.of(), false, searchPath, PARSER));
    }

    private static List<List<String>> scannedTables(RelNode rel) {
        List<List<String>> tables = new ArrayList<>();
        rel.accept(new org.apache.calcite.rel.RelShuttleImpl() {
            @Override
            public RelNode visit(TableScan scan) {
                tables.add(scan.getTable().getQualifiedName());
                return scan;
            }
        });
        return tables;
    }

    @Test
    void unqualified_names_are_found_in_the_first_schema_of_the_path_that_has_them() {
        assertEquals(List.of(List.of("public", "orders")), scannedTables(plan("select * from orders",
                List.of("public")).root()).stream().distinct().toList());
        assertEquals(List.of(List.of("sales", "orders")), scannedTables(plan("select * from orders",
                List.of("sales", "public")).root()).stream().distinct().toList());
        PgException missing = assertThrows(PgException.class, () -> plan("select * from orders", List.of()));
        assertEquals(SqlState.UNDEFINED_TABLE, missing.sqlState());
    }

    @Test
    void create_table_puts_the_table_into_the_first_schema_of_the_path() {
        PlannableStatement create = (PlannableStatement) PARSER.parse("create table fresh (a int)").get(0);
        CreateTablePlan plan = (CreateTablePlan) planner.plan(create,
                new PlanningContext(storage.catalog(), List.of(), false, List.of("sales", "public"), PARSER));
        assertEquals("sales", plan.definition().schema());
        PgException none = assertThrows(PgException.class, () -> planner.plan(
                (PlannableStatement) PARSER.parse("create table fresh (a int)").get(0),
                new PlanningContext(storage.catalog(), List.of(), false, List.of(), PARSER)));
        assertEquals(SqlState.INVALID_SCHEMA_NAME, none.sqlState());
        assertEquals("no schema has been selected to create in", none.getMessage());
    }

    @Test
    void a_view_reads_its_query_with_the_search_path_it_was_created_under() {
        RelationalPlan plan = plan("select b.doubled from sales.big b join orders o on o.id = b.id where b.id < 5",
                List.of("public"));
        assertEquals(List.of("doubled"), plan.columns().stream().map(ResultColumn::name).toList());
        List<List<String>> tables = scannedTables(plan.root());
        assertTrue(tables.contains(List.of("sales", "orders")), tables.toString());
        assertTrue(tables.contains(List.of("public", "orders")), tables.toString());
        List<String> hinted = new ArrayList<>();
        plan.root().accept(new org.apache.calcite.rel.RelShuttleImpl() {
            @Override
            public RelNode visit(TableScan scan) {
                scan.getHints().stream().filter(hint -> hint.hintName.equals(ViewTable.VIEW_HINT))
                        .forEach(hint -> hinted.add(scan.getTable().getQualifiedName() + " " + hint.listOptions));
                return scan;
            }
        });
        assertEquals(1, hinted.size(), hinted.toString());
        assertTrue(hinted.get(0).startsWith("[sales, orders] [sales, big, "), hinted.toString());
    }

    @Test
    void current_schema_follows_the_path_and_plans_are_not_shared_across_paths() {
        PlannableStatement first = (PlannableStatement) PARSER.parse("select current_schema").get(0);
        RelationalPlan inSales = (RelationalPlan) planner.plan(first,
                new PlanningContext(storage.catalog(), List.of(), true, List.of("sales"), PARSER));
        PlannableStatement second = (PlannableStatement) PARSER.parse("select current_schema").get(0);
        RelationalPlan inPublic = (RelationalPlan) planner.plan(second,
                new PlanningContext(storage.catalog(), List.of(), true, List.of("public"), PARSER));
        assertNotSame(inSales.root(), inPublic.root());
        assertTrue(RelOptUtil.toString(inSales.root()).contains("'sales'"), RelOptUtil.toString(inSales.root()));
        RelationalPlan a = plan("select id from orders where id = 1", List.of("sales"));
        assertEquals(List.of(List.of("sales", "orders")), scannedTables(a.root()));
    }

    @Test
    void dml_on_a_view_is_refused_as_postgresql_refuses_it() {
        PgException e = assertThrows(PgException.class, () -> plan("delete from sales.big", List.of("public")));
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, e.sqlState());
        Transaction t = storage.begin();
        t.createView(new ViewInfo(0, "public", "totals", List.of(new ColumnInfo("n", ColumnType.of(PgType.INT8),
                false)), "select count(*) from orders group by id", "", List.of("public"), List.of()), false);
        t.commit();
        PgException grouped = assertThrows(PgException.class, () -> plan("update totals set n = 1", List.of("public")));
        assertEquals(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, grouped.sqlState());
        assertEquals("cannot update view \"totals\"", grouped.getMessage());
        assertEquals("Views containing GROUP BY are not automatically updatable.", grouped.detail());
    }
}
