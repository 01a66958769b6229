package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Role membership as PostgreSQL 15 has it, through pgjdbc and psql: a member with INHERIT has
 * the privileges granted to its group, one with NOINHERIT only after SET ROLE; SET ROLE is for
 * members only; REVOKE of the membership takes the privileges away; memberships survive a
 * restart; and psql prints for GRANT, REVOKE, SET ROLE, \du and pg_has_role what PostgreSQL 15
 * prints (recorded from it in {@code roles/membership.out}). The default pg_hba.conf trusts
 * every connection, so roles log in without passwords.
 */
class RoleMembershipIT {

    private static ModgresServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ModgresServer.start();
        asPostgres("CREATE ROLE readers NOLOGIN", "CREATE ROLE alice LOGIN", "CREATE ROLE bob LOGIN NOINHERIT",
                "CREATE ROLE mallory LOGIN", "CREATE TABLE books (id int PRIMARY KEY, title text)",
                "INSERT INTO books VALUES (1, 'Dune'), (2, 'Emma')", "GRANT SELECT, UPDATE ON books TO readers");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static Connection as(String user) throws SQLException {
        return server.connectAs(user);
    }

    private static void asPostgres(String... statements) throws SQLException {
        server.executeAsPostgres(statements);
    }

    private static List<String> rows(Connection c, String query) throws SQLException {
        return ModgresServer.rows(c, query);
    }

    private static void assertDenied(String message, Executable statement) {
        SQLException e = assertThrows(SQLException.class, statement);
        assertEquals("42501", e.getSQLState(), e.getMessage());
        assertEquals("ERROR: " + message, e.getMessage().lines().findFirst().orElse(""));
    }

    private static List<String> books() throws SQLException {
        try (Connection c = server.connect()) {
            return rows(c, "SELECT * FROM books ORDER BY id");
        }
    }

    @Test
    void members_read_the_group_s_table_noinherit_ones_after_set_role_and_nobody_after_revoke() throws Exception {
        String denied = "permission denied for table books";
        try (Connection alice = as("alice"); Statement a = alice.createStatement();
             Connection bob = as("bob"); Statement b = bob.createStatement()) {
            assertDenied(denied, () -> a.executeQuery("SELECT * FROM books"));
            asPostgres("GRANT readers TO alice, bob");
            assertEquals(List.of("1|Dune", "2|Emma"), rows(alice, "SELECT * FROM books ORDER BY id"));
            assertDenied(denied, () -> b.executeQuery("SELECT * FROM books"));
            assertDenied(denied, () -> a.executeUpdate("DELETE FROM books"));

            b.execute("SET ROLE readers");
            assertEquals(List.of("readers|bob"), rows(bob, "SELECT current_user, session_user"));
            assertEquals(List.of("readers"), rows(bob, "SHOW role"));
            assertEquals(1, b.executeUpdate("UPDATE books SET title = 'Emma.' WHERE id = 2"));
            b.execute("RESET ROLE");
            assertEquals(List.of("bob|bob"), rows(bob, "SELECT current_user, session_user"));
            assertDenied(denied, () -> b.executeQuery("SELECT * FROM books"));

            asPostgres("REVOKE readers FROM alice");
            List<String> before = books();
            assertDenied(denied, () -> a.executeQuery("SELECT * FROM books"));
            assertDenied(denied, () -> a.executeUpdate("UPDATE books SET title = 'x'"));
            assertDenied("permission denied to set role \"readers\"", () -> a.execute("SET ROLE readers"));
            assertEquals(before, books(), "a denied statement changes nothing");
            assertEquals(List.of("1|Dune", "2|Emma."), before);
        }
    }

    @Test
    void set_role_is_for_members_and_follows_its_transaction() throws Exception {
        asPostgres("GRANT readers TO bob");
        try (Connection mallory = as("mallory"); Statement m = mallory.createStatement()) {
            assertDenied("permission denied to set role \"readers\"", () -> m.execute("SET ROLE readers"));
            assertDenied("must have admin option on role \"readers\"", () -> m.execute("GRANT readers TO mallory"));
            assertEquals(List.of("mallory|mallory"), rows(mallory, "SELECT current_user, session_user"));
        }
        try (Connection bob = as("bob"); Statement b = bob.createStatement()) {
            bob.setAutoCommit(false);
            b.execute("SET ROLE readers");
            assertEquals(List.of("readers"), rows(bob, "SELECT current_user"));
            bob.rollback();
            assertEquals(List.of("bob"), rows(bob, "SELECT current_user"));
            b.execute("SET LOCAL ROLE readers");
            assertEquals(List.of("2"), rows(bob, "SELECT count(*) FROM books"));
            bob.commit();
            assertEquals(List.of("bob"), rows(bob, "SELECT current_user"));
            bob.setAutoCommit(true);
            assertDenied("must have admin option on role \"bob\"", () -> b.execute("GRANT bob TO readers"));
        }
        SQLException loop = assertThrows(SQLException.class, () -> asPostgres("GRANT bob TO readers"));
        assertEquals("0LP01", loop.getSQLState());
        assertEquals("ERROR: role \"bob\" is a member of role \"readers\"", loop.getMessage());
    }

    @Test
    void memberships_survive_a_restart() throws Exception {
        asPostgres("CREATE ROLE keepers", "CREATE ROLE kim LOGIN IN ROLE keepers", "GRANT SELECT ON books TO keepers");
        server.stop();
        server.restart();
        try (Connection kim = as("kim")) {
            assertEquals(List.of("2"), rows(kim, "SELECT count(*) FROM books"));
            assertEquals(List.of("t|t"), rows(kim, "SELECT pg_has_role('keepers', 'MEMBER'),"
                    + " pg_has_role('kim', 'keepers', 'USAGE')"));
        }
    }

    @Test
    void psql_prints_what_postgresql_15_prints() throws Exception {
        try (ModgresServer fresh = ModgresServer.start()) {
            Path script = Files.createTempFile("membership", ".sql");
            Files.writeString(script, resource("/roles/membership.sql"));
            String expected = resource("/roles/membership.out").replace("membership.sql", script.toString());
            ProcessResult result = ProcessResult.run(List.of("psql", "-X", "-h", "127.0.0.1", "-p",
                    String.valueOf(fresh.port()), "-U", "postgres", "-d", "postgres", "-f", script.toString()),
                    Map.of());
            Files.delete(script);
            assertEquals(0, result.exitCode(), result.output());
            assertEquals(expected, result.output());
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RoleMembershipIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
