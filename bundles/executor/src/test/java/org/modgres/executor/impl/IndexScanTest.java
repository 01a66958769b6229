package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.storage.TableIndex;
import org.modgres.api.storage.Transaction;
import org.modgres.parser.impl.PostgresSqlParser;
import org.modgres.planner.calcite.impl.CalcitePlanner;

/**
 * Range and ordered scans through indexes return what a filter and a sort over the whole table
 * return: each query runs against {@code t}, which has indexes, and against {@code u}, a copy
 * without any, and the rows must be the same, in the same order where the query orders them.
 */
class IndexScanTest {

    private final SqlHarness sql = new SqlHarness();
    private final CalcitePlanner explainer = new CalcitePlanner();

    @BeforeEach
    void tables() {
        for (String table : List.of("t", "u")) {
            sql.update("create table " + table + " (id integer primary key, a integer, b text, n numeric(10, 2),"
                    + " d date, ts timestamp, v integer)");
            sql.update("insert into " + table + " select g, case when g % 23 = 0 then null else g % 17 end,"
                    + " case when g % 29 = 0 then null else 'k' || (g % 7) end, (g % 50) / 4.0,"
                    + " date '2020-01-01' + g % 40, cast(date '2021-03-04' + g % 97 as timestamp),"
                    + " g % 10 from generate_series(1, 400) as g");
        }
        Transaction transaction = sql.storage.begin();
        transaction.createIndex("public", "t", new TableIndex("t_a_b_id", List.of(1, 2, 0), false));
        transaction.createIndex("public", "t", new TableIndex("t_n", List.of(3), false));
        transaction.createIndex("public", "t", new TableIndex("t_d", List.of(4), false));
        transaction.createIndex("public", "t", new TableIndex("t_ts", List.of(5), false));
        transaction.commit();
    }

    private String explain(String query) {
        return String.join("\n", explainer.explain(sql.relationalPlan(query)));
    }

    /** Checks that the query reads t through an index and returns what the same query over u does. */
    private void sameAsFullScan(boolean ordered, String query, Object... parameters) {
        String plan = explain(query);
        assertTrue(plan.contains("ModgresIndexScan"), () -> "no index scan for " + query + ":\n" + plan);
        sameResult(ordered, query, parameters);
    }

    private void sameResult(boolean ordered, String query, Object... parameters) {
        List<List<Object>> indexed = sql.rows(query, parameters);
        List<List<Object>> scanned = sql.rows(query.replaceAll("\\bt\\b", "u"), parameters);
        if (!ordered) {
            indexed = sorted(indexed);
            scanned = sorted(scanned);
        }
        assertEquals(scanned, indexed, query);
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }

    @Test
    void ranges_over_integers_inclusive_exclusive_and_one_sided_with_parameters() {
        sameAsFullScan(true, "select * from t where id between 10 and 20 order by id");
        sameAsFullScan(true, "select id, v from t where id > $1 and id < $2 order by id desc", 390, 395);
        sameAsFullScan(true, "select id from t where id >= $1 and id <= $2 order by id", 395, 1000);
        sameAsFullScan(false, "select id from t where id > $1 and id <= $2 and v = 3", 50, 90);
        sameAsFullScan(false, "select id from t where $1 < id and $2 >= id", 1, 3);
        assertEquals(11, sql.rows("select id from t where id between $1 and $2", 1, 11).size());
        assertEquals(List.of(), sql.rows("select id from t where id between $1 and $2", 20, 10));
    }

    @Test
    void a_null_bound_yields_no_rows() {
        assertEquals(List.of(), sql.rows("select id from t where id between $1 and $2", null, 10));
        assertEquals(List.of(), sql.rows("select id from t where id >= $1 and id < $2", 1, null));
        assertEquals(List.of(), sql.rows("select id from t where a = $1 and b > $2", null, "k1"));
    }

    @Test
    void bounds_of_another_type_than_the_column() {
        sameAsFullScan(false, "select id from t where id > 395 and id < 3000000000");
        sameResult(false, "select id from t where id > 3000000000 and id < 4000000000");
        sameResult(false, "select id from t where id > -3000000000 and id < 3");
        sameAsFullScan(false, "select id from t where id > $1::bigint and id < $2::bigint", 10L, 15L);
        sameResult(false, "select id from t where id > 2.5 and id < 7.5");
    }

    @Test
    void prefix_bounds_on_a_composite_index_with_nulls_present() {
        sameAsFullScan(true, "select a, b, id from t where a = 3 and b >= 'k3' order by a, b, id");
        sameAsFullScan(true, "select a, b, id from t where a = 3 and b > 'k3' and b <= 'k5' order by b desc, id desc");
        sameAsFullScan(true, "select a, b, id from t where a = $1 and b = $2 order by id", 5, "k5");
        sameAsFullScan(true, "select a, b, id from t where a between 2 and 4 order by a, b, id");
        sameAsFullScan(true, "select a, b, id from t where a = 3 order by b, id limit 4");
        sameAsFullScan(true, "select a, b, id from t where a = 3 order by b desc, id desc limit 4");
        sameAsFullScan(true, "select a, b, id from t order by a, b, id limit 30");
        sameAsFullScan(true, "select a, b, id from t order by a desc, b desc, id desc limit 30");
    }

    @Test
    void numeric_date_timestamp_and_text_ranges() {
        sameAsFullScan(true, "select n, id from t where n between 2.5 and 5 order by n, id");
        sameAsFullScan(true, "select n, id from t where n > 2.555 and n < 4.2 order by n, id");
        sameAsFullScan(true, "select d, id from t where d >= date '2020-01-10' and d < '2020-01-15' order by d, id");
        sameAsFullScan(true, "select ts from t where ts between '2021-03-10 12:00' and '2021-03-18 00:00' order by ts");
        sameAsFullScan(true, "select ts from t where ts > $1 and ts < $2 order by ts desc",
                java.time.LocalDateTime.parse("2021-04-05T00:00"), java.time.LocalDateTime.parse("2021-04-25T03:00"));
        sameAsFullScan(true, "select ts from t order by ts desc limit 7");
    }

    @Test
    void order_by_index_columns_with_limit_reads_the_index_in_order() {
        sameAsFullScan(true, "select id, v from t order by id desc limit 10");
        sameAsFullScan(true, "select id from t order by id limit 5 offset 3");
        sameAsFullScan(true, "select v from t order by id limit $1", 4);
        sameAsFullScan(true, "select id from t where v = 7 order by id desc limit 5");
    }

    @Test
    void plans_that_keep_the_scan_and_the_sort() {
        String nullsFirst = "select a, b, id from t order by a nulls first, b, id limit 5";
        assertFalse(explain(nullsFirst).contains("ModgresIndexScan"));
        sameResult(true, nullsFirst);
        String mixed = "select a, b, id from t order by a, b desc, id limit 5";
        assertFalse(explain(mixed).contains("ModgresIndexScan"));
        sameResult(true, mixed);
        assertFalse(explain("select id from t where id > 5").contains("ModgresIndexScan"), "a third of the table");
        assertFalse(explain("select id from t where b > 'k3' and b < 'k5'").contains("ModgresIndexScan"),
                "not a leading column");
        assertFalse(explain("select id from t where v between 3 and 4").contains("ModgresIndexScan"), "no index");
        assertFalse(explain("select id from t order by id").contains("ModgresIndexScan"), "no limit");
        assertFalse(explain("select id from t where id = 5").contains("ModgresIndexScan"), "a key lookup");
    }

    @Test
    void joins_and_subqueries() {
        sameAsFullScan(true, "select x.id, y.v from t x join t y on x.a = y.id where x.id between 5 and 9 order by x.id");
        sameAsFullScan(true, "select id from t where id in (select id from t where id between 3 and 6) order by id");
        sameAsFullScan(true, "select (select max(v) from t where id between 3 and 6), count(*) from t");
        sameAsFullScan(true, "select x.id from (select id from t order by id desc limit 3) x order by x.id");
    }

    @Test
    void update_and_delete_of_a_range_change_those_rows() {
        for (String table : List.of("t", "u")) {
            assertEquals(11, sql.update("update " + table + " set v = v + 100 where id between 100 and 110"));
            assertEquals(5, sql.update("delete from " + table + " where id > $1 and id <= $2", 200, 205));
            assertEquals(3, sql.update("update " + table + " set id = id + 1000 where id between $1 and $2", 1, 3));
        }
        assertTrue(explain("update t set v = 0 where id between 100 and 110").contains("ModgresIndexScan"));
        assertEquals(sorted(sql.rows("select * from u")), sorted(sql.rows("select * from t")));
        sameAsFullScan(true, "select id, v from t where id between 99 and 111 order by id");
    }

    @Test
    void select_for_update_locks_the_rows_of_the_range() {
        sameAsFullScan(true, "select id from t where id between 7 and 9 order by id for update");
        sameAsFullScan(true, "select id from t order by id desc limit 2 for update");
    }

    @Test
    void a_plan_shared_across_literals_evaluates_each_statements_bounds() {
        CalcitePlanner sharing = new CalcitePlanner();
        PostgresSqlParser parser = new PostgresSqlParser();
        List<List<Object>> results = new ArrayList<>();
        for (String text : List.of("select id from t where id between 10 and 12 order by id desc",
                "select id from t where id between 300 and 301 order by id desc")) {
            PlannableStatement statement = (PlannableStatement) parser.parse(text).getFirst();
            RelationalPlan plan = (RelationalPlan) sharing.plan(statement,
                    new PlanningContext(sql.storage.catalog(), List.of(), true));
            assertTrue(String.join("\n", sharing.explain(plan)).contains("ModgresIndexScan"));
            results.add(sql.rows(plan).stream().map(row -> row.get(0)).toList());
        }
        assertEquals(List.of(Arrays.asList(12, 11, 10), Arrays.asList(301, 300)), results);
    }

    @Test
    void rows_as_the_statement_found_them_come_in_index_order_too() {
        List<List<Object>> indexed = sql.rows(
                "with gone as (delete from t where id = 400 returning id) select id from t order by id desc limit 3");
        List<List<Object>> scanned = sql.rows(
                "with gone as (delete from u where id = 400 returning id) select id from u order by id desc limit 3");
        assertEquals(scanned, indexed);
        assertEquals(List.of(List.of(400), List.of(399), List.of(398)), indexed);
    }
}
