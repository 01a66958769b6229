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
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code max_connections}: the postmaster refuses clients beyond it with 53300, as PostgreSQL does. */
class MaxConnectionsIT {

    private static ModgresServer server;

    @BeforeAll
    static void start() {
        server = ModgresServer.start(List.of("-c", "max_connections=3"), data -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void the_client_beyond_max_connections_gets_53300_until_a_backend_ends() throws Exception {
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(server.connect());
            }
            SQLException refused = assertThrows(SQLException.class, () -> server.connect().close());
            assertEquals("53300", refused.getSQLState());
            assertTrue(refused.getMessage().contains("sorry, too many clients already"), refused.getMessage());

            ProcessResult psql = ProcessResult.run(List.of("psql", "-X", "-h", "/tmp", "-p",
                    String.valueOf(server.port()), "-U", "postgres", "-d", "postgres", "-c", "select 1"), Map.of());
            assertEquals(2, psql.exitCode(), psql.output());
            assertTrue(psql.output().contains("FATAL:  sorry, too many clients already"), psql.output());

            open.removeFirst().close();
            try (Connection again = connectOnceTheSlotIsFree(); Statement s = again.createStatement();
                 ResultSet rs = s.executeQuery("select 1")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }
    }

    /** A backend leaves its slot when it has finished, just after its client has gone; as in PostgreSQL. */
    private static Connection connectOnceTheSlotIsFree() throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                return server.connect();
            } catch (SQLException e) {
                if (!"53300".equals(e.getSQLState()) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }
}
