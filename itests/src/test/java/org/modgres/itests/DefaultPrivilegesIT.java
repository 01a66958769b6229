package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * ALTER DEFAULT PRIVILEGES as PostgreSQL 15 applies it: after gina grants SELECT on her future
 * tables to hank, hank reads the table she creates afterwards but is denied (42501) the one she
 * made before; her new sequences (a serial column's too) give hank USAGE; in schema dflt PUBLIC
 * also gets INSERT and UPDATE. The defaults survive a restart, and psql's \ddp and \dp print them
 * as PostgreSQL 15 printed them for the same statements (defaultprivs/describe.out, recorded from
 * PostgreSQL 15 after defaultprivs/setup.sql).
 */
class DefaultPrivilegesIT {

    private static ModgresServer server;
    private static PsqlScripts scripts;

    @BeforeAll
    static void start() throws Exception {
        server = ModgresServer.start();
        scripts = PsqlScripts.of(server, "defaultprivs", "setup.sql", "describe.sql");
        ProcessResult setup = scripts.result("-q", "-v", "ON_ERROR_STOP=1", "-f", "setup.sql");
        assertEquals(0, setup.exitCode(), setup.output());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static void assertDenied(String message, Executable statement) {
        SQLException e = assertThrows(SQLException.class, statement);
        assertEquals("42501", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void a_table_created_after_the_grant_is_readable_and_one_created_before_is_not() throws Exception {
        try (Connection c = server.connectAs("hank"); Statement s = c.createStatement()) {
            assertEquals(List.of("1|one"), ModgresServer.rows(c, "SELECT * FROM made_after"));
            assertDenied("permission denied for table made_before", () -> s.executeQuery("SELECT * FROM made_before"));
            assertDenied("permission denied for table made_after",
                    () -> s.executeUpdate("INSERT INTO made_after (name) VALUES ('two')"));
            assertEquals(1, s.executeUpdate("INSERT INTO dflt.inside VALUES (7)"), "PUBLIC may insert in dflt");
            assertDenied("permission denied for table inside", () -> s.executeUpdate("DELETE FROM dflt.inside"));
            assertEquals(List.of("one"), ModgresServer.rows(c, "SELECT * FROM dflt.names"));
        }
    }

    @Test
    void new_sequences_get_the_sequence_defaults() throws Exception {
        try (Connection c = server.connectAs("hank"); Statement s = c.createStatement()) {
            assertEquals(List.of("1"), ModgresServer.rows(c, "SELECT nextval('counter')"));
            assertEquals(List.of("2"), ModgresServer.rows(c, "SELECT nextval('made_after_id_seq')"));
            assertDenied("permission denied for sequence counter", () -> s.executeQuery("SELECT setval('counter', 9)"));
            assertDenied("permission denied for sequence admin_seq",
                    () -> s.executeQuery("SELECT nextval('dflt.admin_seq')"));
            assertEquals(List.of("t|f"), ModgresServer.rows(c, "SELECT has_sequence_privilege('dflt.admin_seq', 'SELECT'),"
                    + " has_sequence_privilege('dflt.admin_seq', 'USAGE')"));
        }
    }

    @Test
    void defaults_survive_a_restart_and_psql_shows_them_as_postgres_15() throws Exception {
        server.stop();
        server.restart();
        ProcessResult describe = scripts.result("-f", "describe.sql");
        assertEquals(0, describe.exitCode(), describe.output());
        assertEquals(scripts.expected("describe.sql"), describe.output());
        try (Connection c = server.connect()) {
            assertEquals(List.of("gina|r|{gina=arwdxt/gina,hank=r/gina}", "gina|S|{gina=rwU/gina,hank=U*/gina}"),
                    ModgresServer.rows(c, "SELECT defaclrole::regrole, defaclobjtype, defaclacl FROM pg_default_acl"
                            + " WHERE defaclnamespace = 0 ORDER BY defaclobjtype DESC"));
        }
    }
}
