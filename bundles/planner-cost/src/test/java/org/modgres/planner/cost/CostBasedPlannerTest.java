package org.modgres.planner.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.plan.Plan;
import org.modgres.api.plan.Planner;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SharedStorage;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;
import org.modgres.parser.impl.PostgresSqlParser;
import org.modgres.planner.calcite.impl.CalcitePlanner;
import org.modgres.shmem.impl.SharedStorageImpl;

/** The cost-based planner reorders joins where the default planner keeps the written order. */
class CostBasedPlannerTest {

    private static final String THREE_WAY_JOIN = "select a.v from a join b on b.a_id = a.id"
            + " join c on c.b_id = b.id where c.id = 7";

    private final SharedStorage storage = new SharedStorageImpl();
    private final PostgresSqlParser parser = new PostgresSqlParser();

    @BeforeEach
    void createTables() {
        Transaction t = storage.begin();
        t.createTable(table("a", "v"));
        t.createTable(table("b", "a_id"));
        t.createTable(table("c", "b_id"));
        t.commit();
    }

    private static TableDefinition table(String name, String column) {
        return new TableDefinition("public", name, List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                new ColumnInfo(column, ColumnType.of(PgType.INT4), false)), List.of(0));
    }

    private List<String> explain(Planner planner, String sql) {
        PlannableStatement statement = (PlannableStatement) parser.parse(sql).get(0);
        Plan plan = planner.plan(statement, new PlanningContext(storage.catalog(), List.of(), false));
        assertEquals(planner.name(), plan.plannerName());
        return planner.explain(plan);
    }

    /** Returns the tables in the order the plan's lines name them, which is the join order. */
    private static List<String> scanOrder(List<String> lines) {
        return lines.stream().filter(line -> line.contains("LogicalTableScan"))
                .map(line -> line.replaceAll(".*\\[\\[public, (\\w+)]].*", "$1")).toList();
    }

    @Test
    void joins_start_from_the_smallest_estimated_input() {
        List<String> written = explain(new CalcitePlanner(), THREE_WAY_JOIN);
        List<String> costed = explain(new CostBasedPlanner(), THREE_WAY_JOIN);
        assertEquals(List.of("a", "b", "c"), scanOrder(written), String.join("\n", written));
        assertNotEquals(scanOrder(written), scanOrder(costed), String.join("\n", costed));
        assertTrue(scanOrder(costed).indexOf("c") < scanOrder(costed).indexOf("a"),
                "the key-filtered table c is joined before a\n" + String.join("\n", costed));
    }

    @Test
    void statements_without_joins_plan_as_with_the_default_planner() {
        for (String sql : List.of("select v from a where id = 1", "select count(*) from b group by a_id",
                "update a set v = v + 1 where id = 3", "insert into c values (1, 2)")) {
            assertEquals(explain(new CalcitePlanner(), sql), explain(new CostBasedPlanner(), sql), sql);
        }
    }
}
