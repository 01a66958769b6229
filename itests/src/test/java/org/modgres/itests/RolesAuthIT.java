package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Roles created with SQL log in as pg_hba.conf says: SCRAM-SHA-256 and MD5 from pgjdbc, SCRAM from
 * psql; wrong passwords, roles without LOGIN and connections no line matches are refused with
 * PostgreSQL's SQLSTATEs; roles survive a restart; psql's \du lists them; no password reaches the log.
 */
class RolesAuthIT {

    private static final String HBA = String.join("\n",
            "host  all  alice    127.0.0.1/32  scram-sha-256",
            "host  all  mdrole   127.0.0.1/32  md5",
            "host  all  quiet    127.0.0.1/32  scram-sha-256",
            "host  all  postgres 127.0.0.1/32  trust",
            "local all  all                    trust", "");

    private static Path hbaFile;
    private static ModgresServer server;

    @BeforeAll
    static void start() throws Exception {
        hbaFile = Files.createTempFile("modgres-hba-", ".conf");
        Files.writeString(hbaFile, HBA);
        server = ModgresServer.start(List.of("-c", "hba_file=" + hbaFile), dataDirectory -> { });
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE alice LOGIN PASSWORD 'secret-alice'");
            s.execute("CREATE ROLE quiet PASSWORD 'secret-quiet'");
            s.execute("SET password_encryption = 'md5'");
            s.execute("CREATE USER mdrole PASSWORD 'secret-md5'");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            String log = server.log();
            server.close();
            for (String secret : List.of("secret-alice", "secret-md5", "secret-quiet", "wrong-pass")) {
                assertFalse(log.contains(secret), "the server log holds a password");
            }
        }
        Files.deleteIfExists(hbaFile);
    }

    private static Connection connect(String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection(server.jdbcUrl(), p);
    }

    private static String currentUser(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void scram_role_logs_in_with_the_right_password_only() throws Exception {
        try (Connection c = connect("alice", "secret-alice")) {
            assertEquals("alice", currentUser(c));
        }
        SQLException e = assertThrows(SQLException.class, () -> connect("alice", "wrong-pass"));
        assertEquals("28P01", e.getSQLState());
        assertTrue(e.getMessage().contains("password authentication failed for user \"alice\""), e.getMessage());
    }

    @Test
    void md5_role_logs_in_with_pgjdbc() throws Exception {
        try (Connection c = connect("mdrole", "secret-md5")) {
            assertEquals("mdrole", currentUser(c));
        }
        assertEquals("28P01", assertThrows(SQLException.class, () -> connect("mdrole", "wrong-pass")).getSQLState());
    }

    @Test
    void role_without_login_and_unmatched_connections_are_refused() {
        SQLException noLogin = assertThrows(SQLException.class, () -> connect("quiet", "secret-quiet"));
        assertEquals("28000", noLogin.getSQLState());
        assertTrue(noLogin.getMessage().contains("role \"quiet\" is not permitted to log in"), noLogin.getMessage());
        SQLException noLine = assertThrows(SQLException.class, () -> connect("nobody", "x"));
        assertEquals("28000", noLine.getSQLState());
        assertTrue(noLine.getMessage().contains("no pg_hba.conf entry for host \"127.0.0.1\", user \"nobody\""),
                noLine.getMessage());
    }

    @Test
    void psql_logs_in_with_scram_and_lists_the_roles() throws Exception {
        ProcessResult ok = ProcessResult.run(List.of("psql", "-X", "-h", "127.0.0.1", "-p",
                String.valueOf(server.port()), "-U", "alice", "-d", "postgres", "-Atc", "select current_user"),
                Map.of("PGPASSWORD", "secret-alice"));
        assertEquals(0, ok.exitCode(), ok.output());
        assertEquals("alice", ok.output().strip());
        ProcessResult wrong = ProcessResult.run(List.of("psql", "-X", "-h", "127.0.0.1", "-p",
                String.valueOf(server.port()), "-U", "alice", "-d", "postgres", "-c", "select 1"),
                Map.of("PGPASSWORD", "wrong-pass"));
        assertEquals(2, wrong.exitCode(), wrong.output());
        assertTrue(wrong.output().contains("password authentication failed for user \"alice\""), wrong.output());
        ProcessResult du = ProcessResult.run(List.of("psql", "-X", "-h", "127.0.0.1", "-p",
                String.valueOf(server.port()), "-U", "postgres", "-d", "postgres", "-c", "\\du"), Map.of());
        assertEquals(0, du.exitCode(), du.output());
        assertTrue(du.output().contains(" alice "), du.output());
        assertTrue(du.output().matches("(?s).*\\bquiet +\\| Cannot login.*"), du.output());
        assertTrue(du.output().contains("Superuser, Create role, Create DB, Replication, Bypass RLS"), du.output());
    }

    @Test
    void sql_errors_are_postgresql_s() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            assertEquals("42710", assertThrows(SQLException.class,
                    () -> s.execute("CREATE ROLE alice")).getSQLState());
            assertEquals("42704", assertThrows(SQLException.class,
                    () -> s.execute("DROP ROLE nobody")).getSQLState());
        }
        try (Connection c = connect("alice", "secret-alice"); Statement s = c.createStatement()) {
            SQLException denied = assertThrows(SQLException.class, () -> s.execute("CREATE ROLE eve"));
            assertEquals("42501", denied.getSQLState());
            assertTrue(denied.getMessage().contains("permission denied to create role"), denied.getMessage());
        }
    }

    @Test
    void roles_survive_a_restart() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE temp_role LOGIN");
            s.execute("ALTER ROLE temp_role RENAME TO kept_role");
        }
        server.stop();
        server.restart();
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select rolname from pg_roles where rolname = 'kept_role'")) {
            assertTrue(rs.next(), "the renamed role is back after the restart");
        }
        try (Connection c = connect("alice", "secret-alice")) {
            assertEquals("alice", currentUser(c));
        }
    }

    @Test
    void a_role_s_connection_limit_refuses_the_connection_past_it() throws Exception {
        try (Connection admin = server.connect(); Statement s = admin.createStatement()) {
            // backends of closed connections end a moment after the client has gone
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (aliceBackends(s) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            s.execute("ALTER ROLE alice CONNECTION LIMIT 1");
            try (Connection first = connect("alice", "secret-alice")) {
                SQLException refused = assertThrows(SQLException.class, () -> connect("alice", "secret-alice"));
                assertEquals("53300", refused.getSQLState());
                assertTrue(refused.getMessage().contains("too many connections for role \"alice\""),
                        refused.getMessage());
                assertEquals("alice", currentUser(first));
            }
            s.execute("ALTER ROLE alice CONNECTION LIMIT -1");
            try (Connection again = connect("alice", "secret-alice");
                 Connection more = connect("alice", "secret-alice")) {
                assertEquals("alice", currentUser(again));
                assertEquals("alice", currentUser(more));
            }
        }
    }

    private static long aliceBackends(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where usename = 'alice'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
