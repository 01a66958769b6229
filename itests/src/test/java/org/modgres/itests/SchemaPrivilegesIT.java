package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Privileges on schemas and sequences as PostgreSQL 15 checks them, through pgjdbc and psql: a
 * role without USAGE on a schema gets 42501 for naming anything in it and changes nothing; a
 * role needs CREATE on a schema to create in it (schema public included, as in PostgreSQL 15);
 * nextval, currval and setval need their sequence privileges, also when a serial column's default
 * calls nextval. GRANT lets the role in, REVOKE shuts it out again. The lists survive a restart,
 * and psql's \dn+ and \dp print them as PostgreSQL 15 printed them for the same statements
 * (schemaprivs/describe.out, recorded from PostgreSQL 15 after schemaprivs/setup.sql).
 */
class SchemaPrivilegesIT {

    private static ModgresServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ModgresServer.start();
        server.executeAsPostgres("CREATE ROLE carol LOGIN", "CREATE ROLE dan LOGIN", "CREATE SCHEMA ledger",
                "CREATE TABLE ledger.entries (id serial PRIMARY KEY, amount int)",
                "INSERT INTO ledger.entries (amount) VALUES (10)", "GRANT SELECT, INSERT ON ledger.entries TO carol",
                "CREATE SEQUENCE ledger.tickets");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static void asPostgres(String... statements) throws SQLException {
        server.executeAsPostgres(statements);
    }

    private static List<String> asPostgresRows(String query) throws SQLException {
        try (Connection c = server.connect()) {
            return ModgresServer.rows(c, query);
        }
    }

    private static void assertDenied(String message, Executable statement) {
        SQLException e = assertThrows(SQLException.class, statement);
        assertEquals("42501", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void usage_on_the_schema_lets_a_role_name_its_tables_and_revoke_takes_it_back() throws Exception {
        try (Connection c = server.connectAs("carol"); Statement s = c.createStatement()) {
            assertDenied("ERROR: permission denied for schema ledger", () -> s.executeQuery("SELECT * FROM ledger.entries"));
            assertDenied("permission denied for schema ledger",
                    () -> s.executeUpdate("INSERT INTO ledger.entries (amount) VALUES (20)"));
            assertDenied("permission denied for schema ledger", () -> s.execute("CREATE TABLE ledger.mine (a int)"));
        }
        assertEquals(List.of("1|10"), asPostgresRows("SELECT * FROM ledger.entries ORDER BY id"));
        asPostgres("GRANT USAGE ON SCHEMA ledger TO carol");
        try (Connection c = server.connectAs("carol"); Statement s = c.createStatement()) {
            assertEquals(List.of("1|10"), ModgresServer.rows(c, "SELECT * FROM ledger.entries ORDER BY id"));
            // the serial default calls nextval, which needs USAGE on the sequence
            assertDenied("permission denied for sequence entries_id_seq",
                    () -> s.executeUpdate("INSERT INTO ledger.entries (amount) VALUES (20)"));
            assertDenied("permission denied for schema ledger", () -> s.execute("CREATE TABLE ledger.mine (a int)"));
        }
        assertEquals(List.of("1|10"), asPostgresRows("SELECT * FROM ledger.entries ORDER BY id"));
        asPostgres("GRANT USAGE ON SEQUENCE ledger.entries_id_seq TO carol", "GRANT CREATE ON SCHEMA ledger TO carol");
        try (Connection c = server.connectAs("carol"); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("INSERT INTO ledger.entries (amount) VALUES (20)"));
            s.execute("CREATE TABLE ledger.mine (a int)");
        }
        assertEquals(List.of("carol"), asPostgresRows("SELECT tableowner FROM pg_tables WHERE tablename = 'mine'"));
        assertEquals(List.of("{postgres=UC/postgres,carol=UC/postgres}"),
                asPostgresRows("SELECT nspacl FROM pg_namespace WHERE nspname = 'ledger'"));
        asPostgres("REVOKE USAGE, CREATE ON SCHEMA ledger FROM carol");
        try (Connection c = server.connectAs("carol"); Statement s = c.createStatement()) {
            assertDenied("permission denied for schema ledger", () -> s.executeQuery("SELECT * FROM ledger.entries"));
            assertDenied("permission denied for schema ledger", () -> s.execute("DROP TABLE ledger.mine"));
            s.execute("SET search_path = ledger, public");
            SQLException hidden = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM entries"));
            assertEquals("42P01", hidden.getSQLState(), "a schema the role may not use is left out of its path");
        }
        assertEquals(List.of("1|10", "2|20"), asPostgresRows("SELECT * FROM ledger.entries ORDER BY id"));
        assertEquals(List.of("{postgres=UC/postgres}"),
                asPostgresRows("SELECT nspacl FROM pg_namespace WHERE nspname = 'ledger'"));
    }

    @Test
    void schema_public_needs_a_grant_of_create_as_in_postgres_15() throws Exception {
        try (Connection c = server.connectAs("dan"); Statement s = c.createStatement()) {
            assertDenied("permission denied for schema public", () -> s.execute("CREATE TABLE dans (a int)"));
            assertDenied("permission denied for schema public", () -> s.execute("CREATE SEQUENCE dans_seq"));
        }
        asPostgres("GRANT CREATE ON SCHEMA public TO dan");
        try (Connection c = server.connectAs("dan"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE dans (id serial, a int)");
            assertEquals(1, s.executeUpdate("INSERT INTO dans (a) VALUES (1)"));
        }
        asPostgres("REVOKE CREATE ON SCHEMA public FROM dan");
        try (Connection c = server.connectAs("dan"); Statement s = c.createStatement()) {
            assertDenied("permission denied for schema public", () -> s.execute("CREATE TABLE more_dans (a int)"));
            assertEquals(1, s.executeUpdate("INSERT INTO dans (a) VALUES (2)"), "the owner keeps its own table");
        }
        String publicAcl = asPostgresRows("SELECT nspacl FROM pg_namespace WHERE nspname = 'public'").get(0);
        assertTrue(publicAcl.startsWith("{pg_database_owner=UC/pg_database_owner,=U/pg_database_owner"), publicAcl);
        assertFalse(publicAcl.contains("dan="), publicAcl);
    }

    @Test
    void sequence_functions_need_their_privileges() throws Exception {
        asPostgres("GRANT USAGE ON SCHEMA ledger TO dan");
        try (Connection c = server.connectAs("dan"); Statement s = c.createStatement()) {
            assertDenied("permission denied for sequence tickets", () -> s.executeQuery("SELECT nextval('ledger.tickets')"));
            assertDenied("permission denied for sequence tickets", () -> s.executeQuery("SELECT currval('ledger.tickets')"));
        }
        asPostgres("GRANT USAGE ON SEQUENCE ledger.tickets TO dan");
        try (Connection c = server.connectAs("dan"); Statement s = c.createStatement()) {
            assertEquals(List.of("1"), ModgresServer.rows(c, "SELECT nextval('ledger.tickets')"),
                    "the denied call took no value");
            assertEquals(List.of("1|1"), ModgresServer.rows(c, "SELECT currval('ledger.tickets'), lastval()"));
            assertDenied("permission denied for sequence tickets", () -> s.executeQuery("SELECT setval('ledger.tickets', 50)"));
        }
        asPostgres("GRANT UPDATE ON ALL SEQUENCES IN SCHEMA ledger TO dan", "REVOKE USAGE ON SEQUENCE ledger.tickets FROM dan");
        try (Connection c = server.connectAs("dan"); Statement s = c.createStatement()) {
            assertEquals(List.of("50"), ModgresServer.rows(c, "SELECT setval('ledger.tickets', 50)"));
            assertEquals(List.of("51"), ModgresServer.rows(c, "SELECT nextval('ledger.tickets')"));
            assertDenied("permission denied for sequence tickets", () -> s.executeQuery("SELECT currval('ledger.tickets')"));
        }
        asPostgres("REVOKE ALL ON SEQUENCE ledger.tickets FROM dan");
        try (Connection c = server.connectAs("dan"); Statement s = c.createStatement()) {
            assertDenied("permission denied for sequence tickets", () -> s.executeQuery("SELECT nextval('ledger.tickets')"));
        }
        assertEquals(List.of("52"), asPostgresRows("SELECT nextval('ledger.tickets')"), "the denied call took no value");
        assertEquals(List.of("{postgres=rwU/postgres}"),
                asPostgresRows("SELECT relacl FROM pg_class WHERE relname = 'tickets'"));
    }

    @Test
    void lists_survive_a_restart_and_psql_shows_them_as_postgres_15() throws Exception {
        PsqlScripts scripts = PsqlScripts.of(server, "schemaprivs", "setup.sql", "describe.sql");
        ProcessResult setup = scripts.result("-q", "-v", "ON_ERROR_STOP=1", "-f", "setup.sql");
        assertEquals(0, setup.exitCode(), setup.output());
        server.stop();
        server.restart();
        ProcessResult describe = scripts.result("-f", "describe.sql");
        assertEquals(0, describe.exitCode(), describe.output());
        assertEquals(scripts.expected("describe.sql"), describe.output());
        try (Connection c = server.connectAs("erin"); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("INSERT INTO shown.items (name) VALUES ('one')"));
            s.execute("CREATE TABLE erins (a int)");
            assertDenied("permission denied for schema shown", () -> s.execute("CREATE TABLE shown.erins (a int)"));
        }
    }
}
