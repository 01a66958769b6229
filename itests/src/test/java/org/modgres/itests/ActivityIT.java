package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monitoring views and the functions that act on other backends, as an administrator uses
 * them: pg_stat_activity lists the other connections with their current queries and states,
 * pg_locks their transactions' locks, pg_stat_user_tables the live rows; pg_cancel_backend stops a
 * statement that waits, pg_terminate_backend ends a connection, and pg_advisory_lock waits for
 * another session's lock.
 */
class ActivityIT {

    private static final String BLOCKED_UPDATE = "update activity_rows set v = 2 where id = 1";

    private static ModgresServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @BeforeAll
    static void start() throws Exception {
        server = ModgresServer.start();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table activity_rows (id int primary key, v int)");
            s.execute("insert into activity_rows values (1, 0), (2, 0), (3, 0)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Connection connect(String applicationName) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", applicationName);
        return server.connect(properties);
    }

    @Test
    void an_administrator_sees_the_other_backends_cancels_one_and_terminates_another() throws Exception {
        try (Connection holder = connect("holder"); Connection waiter = connect("waiter");
             Connection admin = connect("admin"); Statement a = admin.createStatement()) {
            holder.setAutoCommit(false);
            try (Statement h = holder.createStatement()) {
                assertEquals(1, h.executeUpdate("update activity_rows set v = 1 where id = 1"));
            }
            Future<Integer> blocked = executor.submit(() -> {
                try (Statement w = waiter.createStatement()) {
                    return w.executeUpdate(BLOCKED_UPDATE);
                }
            });
            int waiterPid = awaitPid(a, "waiter", "active");
            int holderPid = awaitPid(a, "holder", "idle in transaction");
            assertEquals(List.of("holder|idle in transaction|update activity_rows set v = 1 where id = 1|t",
                    "waiter|active|" + BLOCKED_UPDATE + "|t"), rows(a, "select application_name, state, query, "
                    + "client_addr = '127.0.0.1' from pg_stat_activity where application_name in ('holder', 'waiter') "
                    + "order by application_name"));
            assertEquals(List.of("transactionid|ExclusiveLock|t", "virtualxid|ExclusiveLock|t"), rows(a,
                    "select locktype, mode, granted from pg_locks where pid = " + holderPid
                            + " and locktype <> 'relation' order by locktype"));
            assertEquals(List.of("relation|RowExclusiveLock|t"), rows(a, "select locktype, mode, granted from pg_locks "
                    + "where pid = " + holderPid + " and relation = 'activity_rows'::regclass and mode = 'RowExclusiveLock'"));

            assertEquals(List.of("t"), rows(a, "select pg_cancel_backend(" + waiterPid + ")"));
            ExecutionException cancelled = assertThrows(ExecutionException.class,
                    () -> blocked.get(10, TimeUnit.SECONDS));
            SQLException error = (SQLException) cancelled.getCause();
            assertEquals("57014", error.getSQLState());
            assertTrue(error.getMessage().contains("canceling statement due to user request"), error.getMessage());
            assertEquals(List.of("idle|" + BLOCKED_UPDATE), rows(a,
                    "select state, query from pg_stat_activity where pid = " + waiterPid));

            assertEquals(List.of("t"), rows(a, "select pg_terminate_backend(" + holderPid + ")"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!rows(a, "select 1 from pg_stat_activity where pid = " + holderPid).isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "the terminated backend is still listed");
                Thread.sleep(20);
            }
            assertThrows(SQLException.class, () -> {
                try (Statement h = holder.createStatement()) {
                    h.executeQuery("select 1").close();
                }
            });
            try (Statement w = waiter.createStatement()) {
                assertEquals(1, w.executeUpdate(BLOCKED_UPDATE));
            }
            assertEquals(List.of("2"), rows(a, "select v from activity_rows where id = 1"));
            assertEquals(List.of("f"), rows(a, "select pg_cancel_backend(" + holderPid + ")"));
            assertEquals(List.of("activity_rows|public|3|0"), rows(a, "select relname, schemaname, n_live_tup, "
                    + "n_dead_tup from pg_stat_user_tables where relname = 'activity_rows'"));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void a_backend_waits_for_an_advisory_lock_until_its_holder_releases_it_or_its_wait_is_cancelled()
            throws Exception {
        try (Connection holder = connect("lock holder"); Connection waiter = connect("lock waiter");
             Connection admin = connect("admin"); Statement h = holder.createStatement();
             Statement a = admin.createStatement()) {
            assertEquals(List.of(""), rows(h, "select pg_advisory_lock(4711)"));
            Future<List<String>> waiting = executor.submit(() -> {
                try (Statement w = waiter.createStatement()) {
                    return rows(w, "select pg_advisory_lock(4711)");
                }
            });
            int waiterPid = awaitPid(a, "lock waiter", "active");
            int holderPid = awaitPid(a, "lock holder", "idle");
            assertEquals(List.of("advisory|0|4711|1|" + holderPid), rows(a,
                    "select locktype, classid, objid, objsubid, pid from pg_locks where locktype = 'advisory'"));
            assertFalse(waiting.isDone());
            assertEquals(List.of("t"), rows(h, "select pg_advisory_unlock(4711)"));
            assertEquals(List.of(""), waiting.get(10, TimeUnit.SECONDS));
            assertEquals(List.of("advisory|0|4711|1|" + waiterPid), rows(a,
                    "select locktype, classid, objid, objsubid, pid from pg_locks where locktype = 'advisory'"));

            Future<List<String>> cancelled = executor.submit(() -> {
                try (Statement hs = holder.createStatement()) {
                    return rows(hs, "select pg_advisory_lock(4711)");
                }
            });
            awaitPid(a, "lock holder", "active");
            assertEquals(List.of("t"), rows(a, "select pg_cancel_backend(" + holderPid + ")"));
            ExecutionException error = assertThrows(ExecutionException.class,
                    () -> cancelled.get(10, TimeUnit.SECONDS));
            assertEquals("57014", ((SQLException) error.getCause()).getSQLState());
        } finally {
            executor.shutdownNow();
        }
    }

    /** Waits until pg_stat_activity lists a backend of this application in this state; returns its pid. */
    private static int awaitPid(Statement admin, String applicationName, String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            List<String> pids = rows(admin, "select pid from pg_stat_activity where application_name = '"
                    + applicationName + "' and state = '" + state + "'");
            if (!pids.isEmpty()) {
                return Integer.parseInt(pids.get(0));
            }
            assertTrue(System.nanoTime() < deadline, applicationName + " never became " + state);
            Thread.sleep(20);
        }
    }

    private static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i) == null ? "" : rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
