package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Committed transactions survive SIGKILL at any moment and a clean stop; a second server cannot take a
 * data directory in use.
 */
class DurabilityIT {

    private static final int CLIENTS = 6;
    private static final int KILLS = 10;

    /**
     * Clients run transactions that insert two rows and move their tally to the transaction's number, and
     * note each COMMIT the server acknowledged. The server is killed at a random moment, restarted on the
     * same data directory, and checked: every acknowledged transaction is there, whole; every transaction
     * there is whole, was attempted, and the tally agrees with it.
     */
    @Test
    void acknowledged_commits_survive_repeated_sigkill() throws Exception {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        try (ModgresServer server = ModgresServer.start(List.of("-c", "checkpoint_timeout=1s"), data -> { })) {
            try (Connection c = connect(server); Statement s = c.createStatement()) {
                s.execute("create table ledger (client int not null, txn int not null, piece int not null)");
                s.execute("create table tally (client int primary key, last_txn int not null)");
                for (int client = 0; client < CLIENTS; client++) {
                    s.executeUpdate("insert into tally values (" + client + ", 0)");
                }
            }
            AtomicInteger[] attempted = new AtomicInteger[CLIENTS];
            List<Set<Integer>> acknowledged = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                attempted[client] = new AtomicInteger();
                acknowledged.add(ConcurrentHashMap.newKeySet());
            }
            long totalAcknowledged = 0;
            for (int round = 1; round <= KILLS; round++) {
                long before = acknowledgedSoFar(acknowledged);
                Queue<SQLException> errors = new ConcurrentLinkedQueue<>();
                List<Thread> clients = new ArrayList<>();
                for (int client = 0; client < CLIENTS; client++) {
                    int id = client;
                    clients.add(Thread.ofPlatform().name("client-" + client).start(
                            () -> runTransactions(server, id, attempted[id], acknowledged.get(id), errors)));
                }
                // a random moment once commits flow: a freshly started server takes a while to warm up
                awaitMoreCommits(acknowledged, before);
                Thread.sleep(random.nextInt(500));
                server.kill();
                for (Thread t : clients) {
                    t.join(30_000);
                    assertFalse(t.isAlive(), "client still running after the kill");
                }
                for (SQLException e : errors) {
                    assertTrue(e.getSQLState() != null && e.getSQLState().startsWith("08"),
                            "a client failed before the kill: " + e.getSQLState() + " " + e.getMessage());
                }
                server.restart();
                totalAcknowledged = verify(server, attempted, acknowledged, "round " + round + ", seed " + seed);
            }
            assertTrue(totalAcknowledged > 0, "some transactions were acknowledged");
            String log = server.log();
            assertTrue(log.contains("database system was not properly shut down; replayed"), log);
            assertTrue(log.contains("checkpoint"), log);
            assertEquals(0, server.stop(), server.log());
        }
    }

    private static long acknowledgedSoFar(List<Set<Integer>> acknowledged) {
        return acknowledged.stream().mapToLong(Set::size).sum();
    }

    private static void awaitMoreCommits(List<Set<Integer>> acknowledged, long before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledgedSoFar(acknowledged) < before + CLIENTS) {
            assertTrue(System.nanoTime() < deadline, "too few commits acknowledged within 60 s");
            Thread.sleep(10);
        }
    }

    /**
     * Connects without TLS negotiation: right after a restart on a busy machine the server may answer an
     * SSLRequest later than pgjdbc's sslResponseTimeout (5 s), and pgjdbc then sends its startup packet
     * unasked, which the server rightly refuses.
     */
    private static Connection connect(ModgresServer server) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("sslmode", "disable");
        return server.connect(properties);
    }

    /** Runs transactions until the connection breaks; notes why it broke. */
    private static void runTransactions(ModgresServer server, int client, AtomicInteger attempted,
                                        Set<Integer> acknowledged, Queue<SQLException> errors) {
        try (Connection c = connect(server)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into ledger values (?, ?, ?)");
                 PreparedStatement tally = c.prepareStatement("update tally set last_txn = ? where client = ?")) {
                while (true) {
                    int txn = attempted.incrementAndGet();
                    for (int part = 1; part <= 2; part++) {
                        insert.setInt(1, client);
                        insert.setInt(2, txn);
                        insert.setInt(3, part);
                        insert.executeUpdate();
                    }
                    tally.setInt(1, txn);
                    tally.setInt(2, client);
                    tally.executeUpdate();
                    c.commit();
                    acknowledged.add(txn);
                }
            }
        } catch (SQLException e) {
            // the server was killed, one hopes: the transaction under way may or may not have committed
            errors.add(e);
        }
    }

    private static long verify(ModgresServer server, AtomicInteger[] attempted, List<Set<Integer>> acknowledged,
                               String context) throws SQLException {
        Map<Integer, TreeMap<Integer, Integer>> parts = new HashMap<>();
        Map<Integer, Integer> tallies = new HashMap<>();
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select client, txn, piece from ledger")) {
                while (rs.next()) {
                    parts.computeIfAbsent(rs.getInt(1), k -> new TreeMap<>()).merge(rs.getInt(2), 1 << rs.getInt(3),
                            Integer::sum);
                }
            }
            try (ResultSet rs = s.executeQuery("select client, last_txn from tally")) {
                while (rs.next()) {
                    tallies.put(rs.getInt(1), rs.getInt(2));
                }
            }
        }
        long total = 0;
        for (int client = 0; client < attempted.length; client++) {
            TreeMap<Integer, Integer> present = parts.getOrDefault(client, new TreeMap<>());
            for (Map.Entry<Integer, Integer> txn : present.entrySet()) {
                assertEquals(0b110, txn.getValue(), context + ": client " + client + " transaction " + txn.getKey()
                        + " is half applied or doubled");
                assertTrue(txn.getKey() <= attempted[client].get(), context + ": transaction never attempted");
            }
            Set<Integer> missing = new TreeSet<>(acknowledged.get(client));
            missing.removeAll(present.keySet());
            assertTrue(missing.isEmpty(), context + ": client " + client + " lost acknowledged commits " + missing);
            int last = present.isEmpty() ? 0 : present.lastKey();
            assertEquals(last, tallies.get(client), context + ": client " + client + " tally");
            total += acknowledged.get(client).size();
        }
        return total;
    }

    @Test
    void a_clean_stop_keeps_everything_and_leaves_nothing_to_replay() throws Exception {
        try (ModgresServer server = ModgresServer.start()) {
            try (Connection c = connect(server); Statement s = c.createStatement()) {
                s.execute("create table kept (id int primary key, name text)");
                assertEquals(3, s.executeUpdate("insert into kept values (1, 'one'), (2, 'two'), (3, 'three')"));
                assertEquals(1, s.executeUpdate("update kept set name = 'zwei' where id = 2"));
                assertEquals(1, s.executeUpdate("delete from kept where id = 3"));
            }
            assertEquals(0, server.stop(), server.log());
            server.restart();
            try (Connection c = connect(server); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select id, name from kept order by id")) {
                assertTrue(rs.next());
                assertEquals("1 one", rs.getInt(1) + " " + rs.getString(2));
                assertTrue(rs.next());
                assertEquals("2 zwei", rs.getInt(1) + " " + rs.getString(2));
                assertFalse(rs.next());
            }
            String log = server.log();
            assertTrue(log.contains("(shutdown) complete"), log);
            assertFalse(log.contains("not properly shut down"), log);
        }
    }

    @Test
    void checkpoint_writes_the_tables_for_superusers_only() throws Exception {
        try (ModgresServer server = ModgresServer.start()) {
            try (Connection c = connect(server); Statement s = c.createStatement()) {
                s.execute("create table saved (id int primary key, name text)");
                s.execute("insert into saved select i, 'row ' || i from generate_series(1, 1000) i");
                s.execute("create role plain login");
                s.execute("checkpoint");
                assertEquals(0, s.getUpdateCount());
            }
            assertTrue(server.log().contains("(requested) complete"), server.log());
            try (Connection c = server.connectAs("plain"); Statement s = c.createStatement()) {
                SQLException denied = assertThrows(SQLException.class,
                        () -> s.execute("checkpoint"));
                assertEquals("42501", denied.getSQLState());
                assertTrue(denied.getMessage().contains("must be superuser to do CHECKPOINT"), denied.getMessage());
            }
            server.kill();
            server.restart();
            try (Connection c = connect(server); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*), max(name) from saved")) {
                assertTrue(rs.next());
                assertEquals("1000 row 999", rs.getInt(1) + " " + rs.getString(2));
            }
        }
    }

    @Test
    void a_second_server_on_the_same_data_directory_refuses_to_start() throws Exception {
        try (ModgresServer server = ModgresServer.start()) {
            ProcessResult second = server.startAnotherOnSameDataDirectory();
            assertNotEquals(0, second.exitCode(), second.output());
            assertTrue(second.output().contains("lock file \"postmaster.pid\" already exists"), second.output());
            assertTrue(second.output().contains("PID " + server.pid()), second.output());
            try (Connection c = connect(server); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select 1")) {
                assertTrue(rs.next(), "the first server still serves");
            }
        }
    }
}
