package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Table privileges as PostgreSQL 15 checks them, through pgjdbc and psql: a role that was not
 * granted a privilege gets 42501 and changes nothing; GRANT lets it in, REVOKE shuts it out
 * again; PUBLIC grants apply to everyone; column grants cover the columns they name; the owner
 * holds everything; only the owner may DROP or GRANT; the access control lists survive a restart and psql's \dp shows them. The default
 * pg_hba.conf trusts every connection, so roles log in without passwords.
 */
class PrivilegesIT {

    private static ModgresServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ModgresServer.start();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE alice LOGIN");
            s.execute("CREATE ROLE bob LOGIN");
            // PostgreSQL 15 lets only the database owner create in schema public unless granted
            s.execute("GRANT CREATE ON SCHEMA public TO alice");
        }
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
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    private static List<String> contents(String table) throws SQLException {
        try (Connection c = server.connect()) {
            return rows(c, "select * from " + table + " order by 1");
        }
    }

    private static long copyIn(Connection c, String sql, String data) throws Exception {
        return new CopyManager(c.unwrap(BaseConnection.class)).copyIn(sql, new StringReader(data));
    }

    private static String copyOut(Connection c, String sql) throws Exception {
        StringWriter out = new StringWriter();
        new CopyManager(c.unwrap(BaseConnection.class)).copyOut(sql, out);
        return out.toString();
    }

    @Test
    void every_statement_is_denied_without_a_grant_allowed_after_it_and_denied_after_revoke() throws Exception {
        asPostgres("CREATE TABLE accounts (id int PRIMARY KEY, owner text)",
                "INSERT INTO accounts VALUES (1, 'one'), (2, 'two')");
        List<String> before = contents("accounts");
        try (Connection c = as("alice"); Statement s = c.createStatement()) {
            String denied = "permission denied for table accounts";
            assertDenied(denied, () -> s.executeQuery("SELECT * FROM accounts"));
            assertDenied(denied, () -> s.executeQuery("SELECT relname FROM pg_class WHERE relname IN (SELECT owner FROM accounts)"));
            assertDenied(denied, () -> s.executeUpdate("INSERT INTO accounts VALUES (3, 'three')"));
            assertDenied(denied, () -> s.executeUpdate("UPDATE accounts SET owner = 'x'"));
            assertDenied(denied, () -> s.executeUpdate("DELETE FROM accounts"));
            assertDenied(denied, () -> s.execute("TRUNCATE accounts"));
            assertDenied(denied, () -> copyOut(c, "COPY accounts TO STDOUT"));
            assertDenied(denied, () -> copyIn(c, "COPY accounts FROM STDIN", "4\tfour\n"));
            assertEquals(before, contents("accounts"), "a denied statement changes nothing");

            asPostgres("GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON accounts TO alice");
            assertEquals(before, rows(c, "SELECT * FROM accounts ORDER BY id"));
            assertEquals(1, s.executeUpdate("INSERT INTO accounts VALUES (3, 'three')"));
            assertEquals(1, s.executeUpdate("UPDATE accounts SET owner = 'uno' WHERE id = 1"));
            assertEquals(1, s.executeUpdate("DELETE FROM accounts WHERE id = 2"));
            assertEquals(1, copyIn(c, "COPY accounts FROM STDIN", "4\tfour\n"));
            assertEquals("1\tuno\n3\tthree\n4\tfour\n", copyOut(c, "COPY (SELECT * FROM accounts ORDER BY id) TO STDOUT"));
            s.execute("TRUNCATE accounts");
            assertEquals(List.of(), contents("accounts"));

            asPostgres("INSERT INTO accounts VALUES (5, 'five')",
                    "REVOKE ALL ON accounts FROM alice");
            assertDenied(denied, () -> s.executeQuery("SELECT * FROM accounts"));
            assertDenied(denied, () -> s.executeUpdate("DELETE FROM accounts"));
            assertDenied(denied, () -> s.execute("TRUNCATE accounts"));
            assertEquals(List.of("5|five"), contents("accounts"));
        }
    }

    @Test
    void update_and_delete_read_the_columns_of_their_where_clause() throws Exception {
        asPostgres("CREATE TABLE ledger (id int, amount int)", "INSERT INTO ledger VALUES (1, 10), (2, 20)",
                "GRANT UPDATE, DELETE ON ledger TO alice");
        try (Connection c = as("alice"); Statement s = c.createStatement()) {
            assertEquals(2, s.executeUpdate("UPDATE ledger SET amount = 0"), "no column is read");
            assertDenied("permission denied for table ledger",
                    () -> s.executeUpdate("UPDATE ledger SET amount = 1 WHERE id = 1"));
            assertDenied("permission denied for table ledger",
                    () -> s.executeUpdate("DELETE FROM ledger WHERE id = 1"));
            assertDenied("permission denied for table ledger",
                    () -> s.executeUpdate("UPDATE ledger SET amount = amount + 1"));
            asPostgres("GRANT SELECT ON ledger TO alice");
            assertEquals(1, s.executeUpdate("DELETE FROM ledger WHERE id = 1"));
        }
        assertEquals(List.of("2|0"), contents("ledger"));
    }

    @Test
    void locking_rows_needs_update_as_well_as_select() throws Exception {
        asPostgres("CREATE TABLE queue (id int PRIMARY KEY)", "INSERT INTO queue VALUES (1)",
                "GRANT SELECT ON queue TO alice");
        try (Connection c = as("alice"); Statement s = c.createStatement()) {
            assertEquals(List.of("1"), rows(c, "SELECT id FROM queue"));
            assertDenied("permission denied for table queue",
                    () -> s.executeQuery("SELECT id FROM queue FOR UPDATE"));
            assertDenied("permission denied for table queue",
                    () -> s.executeQuery("SELECT id FROM queue FOR SHARE SKIP LOCKED"));
            asPostgres("GRANT UPDATE ON queue TO alice");
            assertEquals(List.of("1"), rows(c, "SELECT id FROM queue FOR UPDATE"));
        }
    }

    @Test
    void public_grants_apply_to_everyone_and_catalogs_stay_readable() throws Exception {
        asPostgres("CREATE TABLE notices (msg text)", "INSERT INTO notices VALUES ('hello')");
        try (Connection c = as("bob"); Statement s = c.createStatement()) {
            assertDenied("permission denied for table notices", () -> s.executeQuery("SELECT * FROM notices"));
            assertEquals(List.of("1"), rows(c, "SELECT count(*) FROM pg_class WHERE relname = 'notices'"));
            assertEquals(List.of("f|f"), rows(c, "SELECT has_table_privilege('notices', 'SELECT'),"
                    + " has_table_privilege('bob', 'notices', 'INSERT')"));
            asPostgres("GRANT SELECT ON TABLE notices TO PUBLIC");
            assertEquals(List.of("hello"), rows(c, "SELECT * FROM notices"));
            assertEquals(List.of("t|f"), rows(c, "SELECT has_table_privilege('notices', 'SELECT'),"
                    + " has_table_privilege('bob', 'notices', 'INSERT')"));
            assertDenied("permission denied for table notices", () -> s.executeUpdate("DELETE FROM notices"));
        }
        try (Connection c = server.connect()) {
            assertEquals(List.of("postgres|{postgres=arwdDxt/postgres,=r/postgres}"),
                    rows(c, "SELECT relowner::regrole, relacl FROM pg_class WHERE relname = 'notices'"));
        }
    }

    @Test
    void the_owner_has_every_privilege_and_only_the_owner_drops_or_grants() throws Exception {
        try (Connection c = as("alice"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE diary (d int, entry text)");
            s.executeUpdate("INSERT INTO diary VALUES (1, 'dear diary')");
            assertEquals(1, s.executeUpdate("UPDATE diary SET entry = 'dear' WHERE d = 1"));
            assertEquals(List.of("1|dear"), rows(c, "SELECT * FROM diary"));
            assertEquals(List.of("alice"), rows(c, "SELECT tableowner FROM pg_tables WHERE tablename = 'diary'"));
            assertEquals(List.of("alice|t"),
                    rows(c, "SELECT relowner::regrole, relacl IS NULL FROM pg_class WHERE relname = 'diary'"));
        }
        try (Connection c = as("bob"); Statement s = c.createStatement()) {
            assertDenied("permission denied for table diary", () -> s.executeQuery("SELECT * FROM diary"));
            assertDenied("must be owner of table diary", () -> s.execute("DROP TABLE diary"));
            assertDenied("permission denied for table diary", () -> s.execute("GRANT SELECT ON diary TO bob"));
        }
        try (Connection c = as("alice"); Statement s = c.createStatement()) {
            s.execute("GRANT SELECT ON diary TO bob WITH GRANT OPTION");
        }
        try (Connection c = as("bob"); Statement s = c.createStatement()) {
            assertEquals(List.of("1|dear"), rows(c, "SELECT * FROM diary"));
            assertDenied("must be owner of table diary", () -> s.execute("DROP TABLE diary"));
            assertDenied("must be owner of table diary", () -> s.execute("ALTER TABLE diary ADD PRIMARY KEY (d)"));
        }
        SQLException dependent = assertThrows(SQLException.class, () -> asPostgres("DROP ROLE alice"));
        assertEquals("2BP01", dependent.getSQLState());
        try (Connection c = as("alice"); Statement s = c.createStatement()) {
            s.execute("REVOKE SELECT ON diary FROM bob");
            s.execute("DROP TABLE diary");
        }
    }

    @Test
    void column_grants_cover_the_columns_they_name() throws Exception {
        asPostgres("CREATE TABLE staff (name text, salary int)", "INSERT INTO staff VALUES ('ann', 100)",
                "GRANT SELECT (name), UPDATE (name) ON staff TO bob");
        try (Connection c = as("bob"); Statement s = c.createStatement()) {
            assertEquals(List.of("ann"), rows(c, "SELECT name FROM staff"));
            assertEquals(List.of("1"), rows(c, "SELECT count(*) FROM staff"));
            assertDenied("permission denied for table staff", () -> s.executeQuery("SELECT * FROM staff"));
            assertDenied("permission denied for table staff",
                    () -> s.executeQuery("SELECT name FROM staff WHERE salary > 0"));
            assertEquals(1, s.executeUpdate("UPDATE staff SET name = 'anne' WHERE name = 'ann'"));
            assertDenied("permission denied for table staff", () -> s.executeUpdate("UPDATE staff SET salary = 0"));
            assertEquals(List.of("t|f|t"), rows(c, "SELECT has_column_privilege('staff', 'name', 'SELECT'),"
                    + " has_column_privilege('staff', 'salary', 'SELECT'), has_column_privilege('staff', 'name', 'UPDATE')"));
        }
        try (Connection c = server.connect()) {
            assertEquals(List.of("name|{bob=rw/postgres}", "salary|null"), rows(c, "SELECT attname, attacl FROM pg_attribute"
                    + " WHERE attrelid = 'staff'::regclass AND attnum > 0 ORDER BY attnum"));
        }
        assertEquals(List.of("anne|100"), contents("staff"));
        asPostgres("REVOKE SELECT ON staff FROM bob");
        try (Connection c = as("bob"); Statement s = c.createStatement()) {
            assertDenied("permission denied for table staff", () -> s.executeQuery("SELECT name FROM staff"));
        }
    }

    @Test
    void grants_survive_a_restart_and_psql_shows_them() throws Exception {
        asPostgres("CREATE TABLE kept (k int)", "GRANT SELECT, INSERT ON kept TO bob",
                "GRANT SELECT ON kept TO alice WITH GRANT OPTION");
        server.stop();
        server.restart();
        try (Connection c = as("bob"); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("INSERT INTO kept VALUES (1)"));
            assertEquals(List.of("1"), rows(c, "SELECT * FROM kept"));
            assertDenied("permission denied for table kept", () -> s.executeUpdate("DELETE FROM kept"));
        }
        ProcessResult dp = ProcessResult.run(List.of("psql", "-X", "-h", "127.0.0.1", "-p",
                String.valueOf(server.port()), "-U", "postgres", "-d", "postgres", "-c", "\\dp kept"), Map.of());
        assertEquals(0, dp.exitCode(), dp.output());
        assertEquals(String.join("\n",
                "                                Access privileges",
                " Schema | Name | Type  |     Access privileges     | Column privileges | Policies ",
                "--------+------+-------+---------------------------+-------------------+----------",
                " public | kept | table | postgres=arwdDxt/postgres+|                   | ",
                "        |      |       | bob=ar/postgres          +|                   | ",
                "        |      |       | alice=r*/postgres         |                   | ",
                "(1 row)", "", ""), dp.output());
        assertFalse(dp.output().contains("ERROR"));
    }
}
