package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deploys a higher-ranked planner bundle into the running server and removes it again while one
 * client connection stays open: new statements move to the new planner and back, prepared
 * statements are planned again, and the connection never notices.
 */
class HotSwapIT {

    private static final Duration SWAP_TIMEOUT = Duration.ofSeconds(30);

    private static ModgresServer server;

    @BeforeAll
    static void start() {
        server = ModgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String planner(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("show modgres.planner")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static void awaitPlanner(Statement s, String expected) throws Exception {
        long deadline = System.nanoTime() + SWAP_TIMEOUT.toNanos();
        String current = planner(s);
        while (!current.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            current = planner(s);
        }
        assertEquals(expected, current, "planner after waiting " + SWAP_TIMEOUT + "\n" + server.log());
    }

    private static int lookup(PreparedStatement p, int id) throws SQLException {
        p.setInt(1, id);
        try (ResultSet rs = p.executeQuery()) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    @Test
    void planner_bundle_takes_over_and_hands_back_without_dropping_the_connection() throws Exception {
        Path probe = Path.of(System.getProperty("modgres.probe.bundle"));
        assertTrue(Files.isRegularFile(probe), "probe bundle " + probe);
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table swap (id int primary key, v int)");
            s.execute("insert into swap values (1, 10), (2, 20), (3, 30)");
            try (PreparedStatement p = c.prepareStatement("select v from swap where id = ?")) {
                for (int i = 0; i < 6; i++) {
                    assertEquals(10 * (i % 3 + 1), lookup(p, i % 3 + 1));
                }
                assertEquals("calcite", planner(s));

                Path deployed = server.deployDirectory().resolve("planner-probe.jar");
                Files.copy(probe, deployed);
                awaitPlanner(s, "probe");
                assertEquals(20, lookup(p, 2));
                s.execute("insert into swap values (4, 40)");
                assertEquals(40, lookup(p, 4));
                assertTrue(server.log().contains("probe planner active"), server.log());

                Files.delete(deployed);
                awaitPlanner(s, "calcite");
                assertEquals(30, lookup(p, 3));
                try (ResultSet rs = s.executeQuery("select count(*) from swap")) {
                    assertTrue(rs.next());
                    assertEquals(4, rs.getInt(1));
                }
                assertTrue(server.log().contains("probe planner stopped"), server.log());
            }
            assertFalse(c.isClosed());
            assertTrue(c.isValid(2));
        }
    }
}
