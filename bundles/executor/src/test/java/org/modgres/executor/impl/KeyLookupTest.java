package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.storage.TableIndex;
import org.modgres.api.storage.Transaction;

/** Statements that pin a primary key read one row through the index, and see what a scan would. */
class KeyLookupTest {

    /** Enough rows that a scan asks for interrupts (every 4096 rows) and a lookup does not. */
    private static final int ROWS = 9000;

    private final SqlHarness sql = new SqlHarness();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void accounts() {
        sql.update("create table accounts (aid integer primary key, bid integer, abalance integer)");
        sql.update("insert into accounts select g, 1, 0 from generate_series(1, " + ROWS + ") as g");
        sql.update("create table pairs (a integer, b text, v integer, primary key (a, b))");
        sql.update("insert into pairs values (1, 'x', 10), (1, 'y', 11), (2, 'x', 20)");
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** Runs a statement in its own transaction and returns its rows and how many rows it looked at. */
    private Result run(String statement, Object... parameters) {
        Transaction transaction = sql.storage.begin();
        TestContext context = new TestContext(transaction, Arrays.asList(parameters));
        RowCursor cursor = sql.executor.execute(sql.plan(statement), context);
        List<List<Object>> rows = new ArrayList<>();
        Object[] row;
        while ((row = cursor.next()) != null) {
            rows.add(Arrays.asList(row));
        }
        long count = cursor.rowCount();
        cursor.close();
        transaction.commit();
        return new Result(rows, count, context.interruptChecks);
    }

    private record Result(List<List<Object>> rows, long count, int interruptChecks) {
    }

    @Test
    void a_parameter_or_literal_key_reads_one_row_without_a_scan() {
        Result byParameter = run("select abalance, aid from accounts where aid = $1", 1234);
        assertEquals(List.of(List.of(0, 1234)), byParameter.rows());
        assertEquals(0, byParameter.interruptChecks());

        Result byLiteral = run("select aid from accounts where 77 = aid");
        assertEquals(List.of(List.of(77)), byLiteral.rows());
        assertEquals(0, byLiteral.interruptChecks());

        Result scanned = run("select aid from accounts where aid + 0 = 77");
        assertEquals(List.of(List.of(77)), scanned.rows());
        assertEquals(ROWS / 4096, scanned.interruptChecks(), "a scan looks at every row");
    }

    @Test
    void the_rest_of_the_condition_still_applies_and_missing_or_null_keys_find_nothing() {
        assertEquals(List.of(), run("select aid from accounts where aid = 5 and bid = 2").rows());
        assertEquals(List.of(List.of(5)), run("select aid from accounts where aid = 5 and bid = 1").rows());
        assertEquals(List.of(), run("select aid from accounts where aid = $1", ROWS + 1).rows());
        assertEquals(List.of(), run("select aid from accounts where aid = $1", (Object) null).rows());
        assertEquals(List.of(), run("select aid from accounts where aid = 5 and aid = 6").rows());
    }

    @Test
    void a_composite_key_needs_every_column() {
        assertEquals(List.of(List.of(11)), run("select v from pairs where a = 1 and b = 'y'").rows());
        assertEquals(List.of(List.of(10), List.of(11)), run("select v from pairs where a = 1 order by v").rows());
    }

    @Test
    void an_index_of_create_index_serves_equality_on_its_columns_unique_or_not() {
        Transaction t = sql.storage.begin();
        t.createIndex("public", "accounts", new TableIndex("accounts_bid_idx", List.of(1), false));
        t.createIndex("public", "pairs", new TableIndex("pairs_v_key", List.of(2), true));
        t.commit();
        sql.update("update accounts set bid = 2 where aid in (3, 4000, 8999)");
        Result some = run("select aid from accounts where bid = $1 order by aid", 2);
        assertEquals(List.of(List.of(3), List.of(4000), List.of(8999)), some.rows());
        assertEquals(0, some.interruptChecks(), "read through the index, not a scan");
        Result unique = run("select a, b from pairs where v = 20");
        assertEquals(List.of(List.of(2, "x")), unique.rows());
        Result updated = run("update accounts set abalance = 1 where bid = 2 and aid > 100");
        assertEquals(2, updated.count());
        assertEquals(0, updated.interruptChecks());
        assertEquals(2L, sql.value("select sum(abalance) from accounts"));
    }

    @Test
    void update_and_delete_by_key_change_only_that_row() {
        Result update = run("update accounts set abalance = abalance + $1 where aid = $2", -5, 10);
        assertEquals(1, update.count());
        assertEquals(0, update.interruptChecks());
        assertEquals(List.of(List.of(-5)), run("select abalance from accounts where aid = 10").rows());
        assertEquals(1, run("delete from accounts where aid = 11").count());
        assertEquals(List.of(), run("select aid from accounts where aid = 11").rows());
        assertEquals((long) ROWS - 1, sql.value("select count(*) from accounts"));
        assertEquals(0L, sql.value("select sum(abalance) from accounts where aid <> 10"));
    }

    @Test
    void an_update_that_waited_for_a_committed_change_runs_again_and_loses_nothing() throws Exception {
        Transaction first = sql.storage.begin();
        first.startStatement();
        sql.executor.execute(sql.plan("update accounts set abalance = abalance + 1 where aid = 1"),
                new TestContext(first, List.of())).close();

        Transaction second = sql.storage.begin();
        second.startStatement();
        CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() -> {
            RowCursor cursor = sql.executor.execute(
                    sql.plan("update accounts set abalance = abalance + 10 where bid = 1 and aid <= 2"),
                    new TestContext(second, List.of()));
            return cursor.rowCount();
        }, threads);
        try {
            waiting.get(300, TimeUnit.MILLISECONDS);
            throw new AssertionError("the second update did not wait");
        } catch (TimeoutException expected) {
            // it waits for the first transaction's lock on row 1
        }
        first.commit();
        assertEquals(2L, waiting.get(10, TimeUnit.SECONDS));
        second.commit();
        assertEquals(List.of(List.of(1, 11), List.of(2, 10)),
                sql.rows("select aid, abalance from accounts where aid <= 2 order by aid"));
    }
}
