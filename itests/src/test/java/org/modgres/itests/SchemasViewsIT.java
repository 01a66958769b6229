package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Schemas and views through psql and pgjdbc: CREATE and DROP SCHEMA, search_path and
 * current_schema, tables, sequences and indexes in schemas, CREATE [OR REPLACE] VIEW and DROP
 * VIEW, reading views (joined, filtered, in sub-queries), pg_namespace, pg_class, pg_views,
 * information_schema and pg_get_viewdef, psql's \dn, \dv, \d and \dt, the errors with their
 * SQLSTATEs and ROLLBACK of CREATE SCHEMA and CREATE VIEW, each printed exactly as PostgreSQL 15
 * printed it (schemas/schemas.out was recorded with psql -X -a -f); then that schemas and views
 * survive a crash and a clean restart, and that a view reads its tables with its owner's
 * privileges.
 */
class SchemasViewsIT {

    private static ModgresServer server;
    private static PsqlScripts psql;

    @BeforeAll
    static void start() throws IOException {
        server = ModgresServer.start();
        psql = PsqlScripts.of(server, "schemas", "schemas.sql");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void psql_prints_what_postgres_prints() throws Exception {
        assertEquals(psql.expected("schemas.sql"), psql.run("schemas.sql"));
    }

    @Test
    void schemas_and_views_survive_a_crash_and_a_restart() throws Exception {
        server.executeAsPostgres("create schema kept",
                "create table kept.t (a int primary key, b text)",
                "insert into kept.t values (1, 'one'), (2, 'two'), (3, 'three')",
                "create view kept.v (a, label) as select a, upper(b) from kept.t where a > 1",
                "create view kept_total as select count(*) as n from kept.v",
                "begin", "create schema dropped_later", "commit",
                "drop schema dropped_later",
                "begin", "create schema never", "create view kept.never as select 1 as one", "rollback");
        List<String> expected = List.of("2|TWO", "3|THREE");
        server.kill();
        server.restart();
        assertSurvived(expected);
        server.stop();
        server.restart();
        assertSurvived(expected);
        server.executeAsPostgres("drop view kept_total", "drop schema kept cascade");
    }

    private static void assertSurvived(List<String> expected) throws SQLException {
        try (Connection c = server.connect()) {
            assertEquals(expected, ModgresServer.rows(c, "select * from kept.v order by a"));
            assertEquals(List.of("2"), ModgresServer.rows(c, "select n from kept_total"));
            assertEquals(List.of("kept"), ModgresServer.rows(c,
                    "select nspname from pg_namespace where nspname in ('kept', 'dropped_later', 'never')"));
            assertEquals(List.of("kept|v", "public|kept_total"), ModgresServer.rows(c,
                    "select schemaname, viewname from pg_views where viewname in ('v', 'kept_total', 'never') "
                            + "order by 1, 2"));
        }
    }

    @Test
    void a_view_reads_its_tables_with_its_owners_privileges() throws Exception {
        server.executeAsPostgres("create role view_reader login", "create role view_maker login",
                "grant create on schema public to view_maker",
                "create table priced (id int primary key, price int, cost int)",
                "insert into priced values (1, 10, 7), (2, 20, 15)",
                "create view cheap as select id, price from priced where price < 15",
                "grant select on cheap to view_reader");
        try (Connection reader = server.connectAs("view_reader")) {
            assertEquals(List.of("1|10"), ModgresServer.rows(reader, "select * from cheap"));
            assertEquals(List.of("1"), ModgresServer.rows(reader,
                    "select c.id from cheap c join (values (1)) as v(id) on v.id = c.id"));
            assertDenied("permission denied for table priced", () -> ModgresServer.rows(reader,
                    "select * from priced"));
            assertDenied("permission denied for table priced", () -> ModgresServer.rows(reader,
                    "select * from cheap where id in (select id from priced)"));
        }
        // a view owned by a role that may not read the table: its readers may not either
        try (Connection maker = server.connectAs("view_maker")) {
            maker.createStatement().execute("create view costs as select id, cost from priced");
            maker.createStatement().execute("grant select on costs to view_reader");
        }
        try (Connection reader = server.connectAs("view_reader")) {
            assertDenied("permission denied for table priced", () -> ModgresServer.rows(reader,
                    "select * from costs"));
        }
        server.executeAsPostgres("grant select (id, cost) on priced to view_maker");
        try (Connection reader = server.connectAs("view_reader")) {
            assertEquals(List.of("1|7", "2|15"), ModgresServer.rows(reader, "select * from costs order by id"));
            assertDenied("permission denied for view cheap", () -> {
                try (Connection other = server.connectAs("view_maker")) {
                    ModgresServer.rows(other, "select * from cheap");
                }
            });
        }
        server.executeAsPostgres("drop view costs", "drop view cheap", "drop table priced",
                "revoke create on schema public from view_maker", "drop role view_maker", "drop role view_reader");
    }

    private static void assertDenied(String message, org.junit.jupiter.api.function.Executable statement) {
        SQLException e = assertThrows(SQLException.class, statement);
        assertEquals("42501", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
