package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit trail of a server started with log_connections, log_disconnections and
 * log_statement = all: PostgreSQL's lines for each connection, statement and disconnection, and
 * never a password, not even the one a CREATE ROLE statement carries.
 */
class AuditLogIT {

    private static final String SECRET = "Tr0ub4dor&3-not-in-any-log";

    private static ModgresServer server;

    @BeforeAll
    static void start() {
        server = ModgresServer.start(List.of("-c", "log_connections=on", "-c", "log_disconnections=on",
                "-c", "log_statement=all"), dataDirectory -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static ProcessResult psql(String sql) throws Exception {
        return ProcessResult.run(List.of("psql", "-X", "-A", "-t", "-h", "127.0.0.1", "-p",
                String.valueOf(server.port()), "-U", "postgres", "-d", "postgres", "-c", sql), Map.of());
    }

    @Test
    void connections_statements_and_disconnections_are_logged_without_secrets() throws Exception {
        assertEquals(0, psql("create role audited login password '" + SECRET + "'").exitCode());
        assertEquals(0, psql("alter role audited with encrypted password '" + SECRET + "x'").exitCode());
        assertEquals("42", psql("select 40 + 2").output().strip());
        try (Connection c = server.connect();
             PreparedStatement p = c.prepareStatement("select count(*) from pg_roles where rolname = ?")) {
            p.setString(1, "audited");
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!server.log().contains("disconnection: session time:") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String log = server.log();
        assertTrue(log.contains("connection received: host=127.0.0.1 port="), log);
        assertTrue(log.contains("connection authorized: user=postgres database=postgres application_name=psql"), log);
        assertTrue(log.contains("statement: select 40 + 2"), log);
        assertTrue(log.contains("statement: create role audited login password '********'"), log);
        assertTrue(log.contains("execute"), "the extended protocol's statements are logged as executed\n" + log);
        assertTrue(log.contains("select count(*) from pg_roles where rolname = $1"), log);
        assertTrue(log.matches("(?s).*disconnection: session time: \\d+:\\d\\d:\\d\\d\\.\\d{3} user=postgres"
                + " database=postgres host=127\\.0\\.0\\.1 port=\\d+.*"), log);
        assertFalse(log.contains(SECRET), "a password reached the log:\n" + log);
    }
}
