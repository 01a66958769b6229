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

/**
 * Privileges on databases as PostgreSQL 15 keeps and checks them: without CONNECT (its own, a
 * role's it is a member of, or PUBLIC's) a role's connection is refused with 42501 after
 * authentication, while superusers always connect; CREATE on the database lets a role create
 * schemas. The lists survive a restart, and pg_database.datacl and psql's \l print them as
 * PostgreSQL 15 printed them for the same statements (dbprivs/*.out, recorded with psql -X -a).
 */
class DatabasePrivilegesIT {

    private static ModgresServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ModgresServer.start();
        server.executeAsPostgres("CREATE ROLE gina LOGIN", "CREATE ROLE staff", "CREATE ROLE hal LOGIN IN ROLE staff");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static void assertConnectionRefused(String role) {
        SQLException e = assertThrows(SQLException.class, () -> server.connectAs(role).close());
        assertEquals("42501", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains("permission denied for database \"postgres\""), e.getMessage());
    }

    @Test
    void connect_is_checked_at_startup_and_create_allows_schemas() throws Exception {
        server.connectAs("gina").close();
        server.executeAsPostgres("REVOKE CONNECT ON DATABASE postgres FROM PUBLIC");
        try {
            assertConnectionRefused("gina");
            assertConnectionRefused("hal");
            server.connect().close();
            server.executeAsPostgres("GRANT CONNECT ON DATABASE postgres TO gina",
                    "GRANT CONNECT ON DATABASE postgres TO staff");
            try (Connection c = server.connectAs("gina"); Statement s = c.createStatement()) {
                SQLException denied = assertThrows(SQLException.class, () -> s.execute("CREATE SCHEMA ginas"));
                assertEquals("42501", denied.getSQLState());
                assertTrue(denied.getMessage().contains("permission denied for database postgres"),
                        denied.getMessage());
                assertEquals(List.of("t|f"), ModgresServer.rows(c, "SELECT has_database_privilege('postgres', "
                        + "'connect'), has_database_privilege('postgres', 'create')"));
            }
            server.connectAs("hal").close();
            server.executeAsPostgres("GRANT CREATE ON DATABASE postgres TO gina");
            try (Connection c = server.connectAs("gina"); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA ginas");
                s.execute("CREATE TABLE ginas.notes (a int)");
            }
        } finally {
            server.executeAsPostgres("GRANT CONNECT ON DATABASE postgres TO PUBLIC",
                    "REVOKE ALL ON DATABASE postgres FROM gina, staff");
        }
        server.connectAs("gina").close();
    }

    @Test
    void lists_survive_a_restart_and_psql_shows_them_as_postgres_15() throws Exception {
        PsqlScripts scripts = PsqlScripts.of(server, "dbprivs", "grants.sql", "list.sql");
        try {
            assertEquals(scripts.expected("grants.sql"), scripts.run("grants.sql"));
            server.stop();
            server.restart();
            assertEquals(scripts.expected("list.sql"), scripts.run("list.sql"));
        } finally {
            server.executeAsPostgres("REVOKE ALL ON DATABASE postgres FROM erin",
                    "REVOKE ALL ON DATABASE template1 FROM frank", "GRANT TEMPORARY ON DATABASE postgres TO PUBLIC");
        }
    }
}
