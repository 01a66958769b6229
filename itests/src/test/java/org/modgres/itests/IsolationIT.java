package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PostgreSQL's isolation behaviour between two pgjdbc connections: snapshots, row locks, deadlocks. */
class IsolationIT {

    private static ModgresServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private Connection first;
    private Connection second;

    @BeforeAll
    static void start() {
        server = ModgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void accounts() throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("drop table if exists accounts");
            s.execute("create table accounts (id int primary key, balance int not null)");
            s.execute("insert into accounts values (1, 100), (2, 100)");
        }
        first = server.connect();
        second = server.connect();
    }

    @AfterEach
    void close() throws SQLException {
        threads.shutdownNow();
        first.close();
        second.close();
    }

    private static int balance(Connection c, int id) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select balance from accounts where id = " + id)) {
            assertTrue(r.next());
            return r.getInt(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private CompletableFuture<Void> inBackground(Connection c, String sql) {
        return CompletableFuture.runAsync(() -> {
            try {
                execute(c, sql);
            } catch (SQLException e) {
                throw new RuntimeException(e);
            }
        }, threads);
    }

    private static void assertBlocked(CompletableFuture<?> future) {
        assertThrows(TimeoutException.class, () -> future.get(300, TimeUnit.MILLISECONDS));
    }

    private static String sqlState(CompletableFuture<?> future) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(15, TimeUnit.SECONDS));
        return ((SQLException) e.getCause().getCause()).getSQLState();
    }

    @Test
    void a_concurrent_update_waits_for_the_first_and_no_update_is_lost() throws Exception {
        execute(first, "begin");
        execute(first, "update accounts set balance = balance + 10 where id = 1");
        execute(second, "begin");
        CompletableFuture<Void> waiting = inBackground(second, "update accounts set balance = balance + 5 where id = 1");
        assertBlocked(waiting);
        try (Connection third = server.connect()) {
            assertEquals(100, balance(third, 1), "uncommitted work is invisible");
        }
        execute(first, "commit");
        waiting.get(10, TimeUnit.SECONDS);
        execute(second, "commit");
        assertEquals(115, balance(first, 1));
    }

    @Test
    void read_committed_sees_new_commits_at_each_statement_and_repeatable_read_does_not() throws Exception {
        execute(first, "begin");
        assertEquals(100, balance(first, 2));
        execute(second, "update accounts set balance = 1 where id = 2");
        assertEquals(1, balance(first, 2), "non-repeatable read under READ COMMITTED");
        execute(first, "commit");

        execute(first, "begin isolation level repeatable read");
        assertEquals(1, balance(first, 2));
        execute(second, "update accounts set balance = 2 where id = 2");
        assertEquals(1, balance(first, 2), "REPEATABLE READ keeps its snapshot");
        execute(first, "commit");
        assertEquals(2, balance(first, 2));
    }

    @Test
    void repeatable_read_fails_with_40001_when_its_row_was_updated_concurrently() throws Exception {
        execute(first, "begin isolation level repeatable read");
        assertEquals(100, balance(first, 1));
        execute(second, "update accounts set balance = 0 where id = 1");
        SQLException e = assertThrows(SQLException.class,
                () -> execute(first, "update accounts set balance = balance + 1 where id = 1"));
        assertEquals("40001", e.getSQLState());
        assertEquals("ERROR: could not serialize access due to concurrent update", e.getMessage());
        execute(first, "rollback");
        assertEquals(0, balance(first, 1));
    }

    private static List<Integer> ids(Connection c, String sql) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                ids.add(r.getInt(1));
            }
        }
        return ids;
    }

    @Test
    void select_for_update_makes_a_writer_wait_and_prevents_a_lost_update() throws Exception {
        execute(first, "begin");
        assertEquals(List.of(1), ids(first, "select id from accounts where id = 1 for update"));
        execute(second, "begin");
        CompletableFuture<Void> writer = inBackground(second,
                "update accounts set balance = balance + 5 where id = 1");
        assertBlocked(writer);
        execute(first, "update accounts set balance = balance + 10 where id = 1");
        execute(first, "commit");
        writer.get(10, TimeUnit.SECONDS);
        execute(second, "commit");
        assertEquals(115, balance(first, 1));
    }

    @Test
    void nowait_fails_with_55P03_and_skip_locked_takes_the_next_free_row() throws Exception {
        execute(first, "begin");
        assertEquals(List.of(1),
                ids(first, "select id from accounts order by id limit 1 for update skip locked"));
        execute(second, "begin");
        SQLException e = assertThrows(SQLException.class,
                () -> ids(second, "select id from accounts where id = 1 for update nowait"));
        assertEquals("55P03", e.getSQLState());
        assertEquals("ERROR: could not obtain lock on row in relation \"accounts\"", e.getMessage());
        execute(second, "rollback");
        execute(second, "begin");
        assertEquals(List.of(2),
                ids(second, "select id from accounts order by id limit 1 for update skip locked"),
                "the locked first row is passed over, and only one row is locked");
        try (Connection third = server.connect()) {
            execute(third, "begin");
            assertEquals(List.of(), ids(third, "select id from accounts for share skip locked"));
            execute(third, "rollback");
        }
        execute(first, "commit");
        assertEquals(List.of(1), ids(first, "select id from accounts for update skip locked"));
        execute(second, "commit");
    }

    @Test
    void for_share_is_shared_and_keeps_writers_out_until_every_sharer_ends() throws Exception {
        execute(first, "begin");
        assertEquals(List.of(1), ids(first, "select id from accounts where id = 1 for share"));
        execute(second, "begin");
        assertEquals(List.of(1), ids(second, "select id from accounts where id = 1 for key share nowait"),
                "a second sharer does not wait");
        try (Connection third = server.connect()) {
            CompletableFuture<Void> writer = inBackground(third, "update accounts set balance = 7 where id = 1");
            assertBlocked(writer);
            execute(first, "commit");
            assertBlocked(writer);
            execute(second, "commit");
            writer.get(10, TimeUnit.SECONDS);
        }
        assertEquals(7, balance(first, 1));
    }

    private static void parentsAndChildren(Connection c) throws SQLException {
        execute(c, "drop table if exists children");
        execute(c, "drop table if exists parents");
        execute(c, "create table parents (id int primary key)");
        execute(c, "create table children (id int primary key, parent int references parents)");
        execute(c, "insert into parents values (1), (2)");
    }

    @Test
    void a_parent_a_running_transaction_references_cannot_be_deleted_under_it() throws Exception {
        parentsAndChildren(first);
        execute(first, "begin");
        execute(first, "insert into children values (1, 1)");
        try (Connection third = server.connect()) {
            execute(third, "begin");
            inBackground(third, "insert into children values (2, 1)").get(5, TimeUnit.SECONDS);
            execute(third, "rollback");
        }
        CompletableFuture<Void> delete = inBackground(second, "delete from parents where id = 1");
        assertBlocked(delete);
        execute(first, "commit");
        assertEquals("23503", sqlState(delete));
        assertEquals(List.of(1, 2), ids(second, "select id from parents order by id"));
    }

    @Test
    void a_child_waits_for_a_running_delete_of_its_parent_and_then_fails() throws Exception {
        parentsAndChildren(first);
        execute(first, "begin");
        execute(first, "delete from parents where id = 2");
        CompletableFuture<Void> insert = inBackground(second, "insert into children values (3, 2)");
        assertBlocked(insert);
        execute(first, "commit");
        assertEquals("23503", sqlState(insert));
        assertEquals(List.of(), ids(second, "select id from children"));
    }

    @Test
    void alter_table_waits_for_a_transaction_that_read_the_table_and_readers_wait_for_it() throws Exception {
        execute(first, "begin");
        assertEquals(100, balance(first, 1));
        CompletableFuture<Void> alter = inBackground(second, "alter table accounts add column note text");
        assertBlocked(alter);
        try (Connection third = server.connect()) {
            assertEquals(List.of(1), ids(third, "select count(*)::int from pg_locks where relation = 'accounts'::regclass"
                    + " and mode = 'AccessExclusiveLock' and not granted"), "pg_locks shows the waiting ALTER TABLE");
        }
        assertEquals(100, balance(first, 1), "the reader goes on with the table as it was");
        execute(first, "commit");
        alter.get(10, TimeUnit.SECONDS);
        execute(first, "begin");
        execute(first, "lock table accounts in share mode");
        try (Connection third = server.connect()) {
            assertEquals(100, balance(third, 2), "SHARE lets readers in");
            CompletableFuture<Void> writer = inBackground(third, "update accounts set balance = 0 where id = 2");
            assertBlocked(writer);
            execute(first, "commit");
            writer.get(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of(1, 2), ids(first, "select id from accounts where note is null order by id"));
    }

    @Test
    void lock_table_nowait_fails_with_55P03_and_outside_a_block_with_25P01() throws Exception {
        SQLException outside = assertThrows(SQLException.class, () -> execute(first, "lock table accounts"));
        assertEquals("25P01", outside.getSQLState());
        assertEquals("ERROR: LOCK TABLE can only be used in transaction blocks", outside.getMessage());
        execute(first, "begin");
        execute(first, "insert into accounts values (3, 0)");
        execute(second, "begin");
        execute(second, "lock table accounts in row exclusive mode nowait");
        SQLException busy = assertThrows(SQLException.class,
                () -> execute(second, "lock table only public.accounts in exclusive mode nowait"));
        assertEquals("55P03", busy.getSQLState());
        assertEquals("ERROR: could not obtain lock on relation \"accounts\"", busy.getMessage());
        execute(second, "rollback");
        execute(first, "commit");
    }

    @Test
    void a_deadlock_fails_one_transaction_with_40P01_and_the_other_goes_on() throws Exception {
        execute(first, "begin");
        execute(second, "begin");
        execute(first, "update accounts set balance = 1 where id = 1");
        execute(second, "update accounts set balance = 2 where id = 2");
        CompletableFuture<Void> firstWaits = inBackground(first, "update accounts set balance = 1 where id = 2");
        assertBlocked(firstWaits);
        CompletableFuture<Void> secondWaits = inBackground(second, "update accounts set balance = 2 where id = 1");
        // the first waited longer, reaches deadlock_timeout first and is the victim
        assertEquals("40P01", sqlState(firstWaits));
        execute(first, "rollback");
        secondWaits.get(10, TimeUnit.SECONDS);
        execute(second, "commit");
        assertEquals(2, balance(first, 1));
        assertEquals(2, balance(first, 2));
    }

    @Test
    void a_waiting_statement_can_be_cancelled() throws Exception {
        execute(first, "begin");
        execute(first, "update accounts set balance = 0 where id = 1");
        try (Statement waiting = second.createStatement()) {
            CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(() -> {
                try {
                    return waiting.execute("update accounts set balance = 5 where id = 1");
                } catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            }, threads);
            assertBlocked(blocked);
            waiting.cancel();
            assertEquals("57014", sqlState(blocked));
        }
        execute(first, "commit");
        assertEquals(0, balance(second, 1));
    }
}
