package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/** The distribution starts on its own, serves, and stops cleanly on SIGTERM. */
class LifecycleIT {

    @Test
    void starts_serves_and_exits_0_on_sigterm() throws Exception {
        try (ModgresServer server = ModgresServer.start()) {
            try (Connection c = server.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select 1 + 1")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1));
            }
            String log = server.log();
            assertTrue(log.contains("listening on IPv4 address \"127.0.0.1\", port " + server.port()), log);
            assertEquals(0, server.stop(), server.log());
        }
    }
}
