package org.modgres.planner.calcite.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableIndex;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;
import org.modgres.shmem.impl.SharedStorageImpl;

/** EXPLAIN shows the index scans the planner chooses for ranges and for ORDER BY ... LIMIT, and no others. */
class IndexScanPlanningTest {

    private final SharedStorage storage = new SharedStorageImpl();
    private final CalcitePlanner planner = new CalcitePlanner();

    @BeforeEach
    void createTables() {
        Transaction t = storage.begin();
        t.createTable(new TableDefinition("public", "t",
                List.of(new ColumnInfo("a", ColumnType.of(PgType.INT4), true),
                        new ColumnInfo("b", ColumnType.of(PgType.INT4), true),
                        new ColumnInfo("c", ColumnType.of(PgType.TEXT), false),
                        new ColumnInfo("n", ColumnType.numeric(10, 2), false),
                        new ColumnInfo("f", ColumnType.of(PgType.FLOAT8), false),
                        new ColumnInfo("u", ColumnType.of(PgType.INT8), false)),
                List.of(0, 1), List.of(new TableConstraint.Unique("t_u_key", List.of(5)))));
        t.createIndex("public", "t", new TableIndex("t_c_idx", List.of(2), false));
        t.createIndex("public", "t", new TableIndex("t_n_idx", List.of(3), false));
        t.createIndex("public", "t", new TableIndex("t_f_idx", List.of(4), false));
        t.createTable(new TableDefinition("public", "k",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.UUID), true),
                        new ColumnInfo("n", ColumnType.of(PgType.INT4), false)),
                List.of(0)));
        t.createIndex("public", "k", new TableIndex("k_n_idx", List.of(1), false));
        t.commit();
    }

    private String explain(String sql) throws Exception {
        SqlParser parser = SqlParser.create(sql,
                SqlParser.config().withUnquotedCasing(Casing.TO_LOWER).withCaseSensitive(true));
        int parameters = (int) sql.chars().filter(ch -> ch == '?').count();
        StatementKind kind = sql.startsWith("update") ? StatementKind.UPDATE
                : sql.startsWith("delete") ? StatementKind.DELETE : StatementKind.SELECT;
        PlannableStatement statement = new PlannableStatement(sql, kind, parser.parseStmt(), parameters);
        RelationalPlan plan = (RelationalPlan) planner.plan(statement,
                new PlanningContext(storage.catalog(), new ArrayList<>()));
        return String.join("\n", planner.explain(plan));
    }

    private void assertIndexScan(String sql, String expectedScan) throws Exception {
        String plan = explain(sql);
        assertTrue(plan.contains(expectedScan), () -> sql + " planned as\n" + plan);
    }

    private void assertNoIndexScan(String sql) throws Exception {
        String plan = explain(sql);
        assertFalse(plan.contains("ModgresIndexScan"), () -> sql + " planned as\n" + plan);
    }

    @Test
    void a_bounded_range_of_a_leading_column_reads_the_index() throws Exception {
        assertIndexScan("select * from t where a between ? and ?",
                "ModgresIndexScan(table=[[public, t]], index=[t_pkey], range=[a >= $1 AND a <= $2], direction=[ASC])");
        assertIndexScan("select * from t where a > 5 and a < 10 and c like 'x%'",
                "index=[t_pkey], range=[a > 5 AND a < 10]");
        assertIndexScan("select * from t where a = ? and b >= 3",
                "index=[t_pkey], range=[a = $1 AND b >= 3]");
        assertIndexScan("select * from t where c >= 'k' and c < 'l'", "index=[t_c_idx], range=[c >= 'k' AND c < 'l']");
        assertIndexScan("select * from t where n between 1.5 and 2.5", "index=[t_n_idx], range=[n >= 1.5 AND n <= 2.5]");
        assertIndexScan("select * from t where u > 10 and u <= 20", "index=[t_u_key], range=[u > 10 AND u <= 20]");
    }

    @Test
    void the_filter_stays_above_the_index_scan() throws Exception {
        String plan = explain("select c from t where a between 1 and 9 and c like 'x%'");
        List<String> lines = plan.lines().toList();
        int filter = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("LogicalFilter")) {
                filter = i;
            }
        }
        assertTrue(filter >= 0 && lines.get(filter + 1).contains("ModgresIndexScan"), plan);
    }

    @Test
    void order_by_index_columns_under_a_limit_drops_the_sort() throws Exception {
        String plan = explain("select c from t order by a desc, b desc limit 10");
        assertTrue(plan.contains("index=[t_pkey], direction=[DESC]"), plan);
        assertFalse(plan.contains("sort0"), plan);
        assertTrue(plan.contains("LogicalSort(fetch=[10])"), plan);
        assertIndexScan("select c from t order by a limit 3 offset 4", "direction=[ASC]");
        assertIndexScan("select c from t order by u limit ?", "index=[t_u_key], direction=[ASC]");
        String pinned = explain("select c from t where a = ? order by b desc limit 5");
        assertTrue(pinned.contains("range=[a = $1], direction=[DESC]") && !pinned.contains("sort0"), pinned);
        String ranged = explain("select c from t where a between 1 and 5 order by a desc");
        assertTrue(ranged.contains("direction=[DESC]") && !ranged.contains("LogicalSort"), ranged);
    }

    @Test
    void an_order_the_index_does_not_give_keeps_the_sort() throws Exception {
        assertNoIndexScan("select c from t order by a, b desc limit 5");
        assertNoIndexScan("select c from t order by a nulls first limit 5");
        assertNoIndexScan("select c from t order by a desc nulls last limit 5");
        assertNoIndexScan("select c from t order by b limit 5");
        assertNoIndexScan("select c from t order by a limit 100000");
        assertNoIndexScan("select c from t order by a");
        assertNoIndexScan("select c from t order by f limit 5");
        String ranged = explain("select c from t where a between 1 and 5 order by c");
        assertTrue(ranged.contains("ModgresIndexScan") && ranged.contains("sort0"), ranged);
    }

    @Test
    void ranges_an_index_cannot_serve_well_read_the_table() throws Exception {
        assertNoIndexScan("select * from t where a > 5");
        assertNoIndexScan("select * from t where b between 1 and 3");
        assertNoIndexScan("select * from t where f between 1 and 3");
        assertNoIndexScan("select * from t where a + 1 between 1 and 3");
        assertNoIndexScan("select * from t where a = 1 and b = 2");
        assertNoIndexScan("select * from t where a between b and 3");
        assertNoIndexScan("select * from k where id = ? and n between 1 and 5");
        assertIndexScan("select * from k where n between 1 and 5", "index=[k_n_idx]");
        assertNoIndexScan("select * from k where id > ? and id < ?");
    }

    @Test
    void update_delete_and_joins_read_ranges_through_the_index() throws Exception {
        assertIndexScan("update t set c = 'x' where a between 1 and 5", "range=[a >= 1 AND a <= 5]");
        assertIndexScan("delete from t where a = 1 and b < 5", "range=[a = 1 AND b < 5]");
        String join = explain("select * from t x join t y on x.u = y.a where x.a between 1 and 3");
        assertEquals(1, join.lines().filter(line -> line.contains("ModgresIndexScan")).count(), join);
    }
}
