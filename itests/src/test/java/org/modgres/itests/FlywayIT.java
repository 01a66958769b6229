package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway, a migration tool that runs over pgjdbc, migrating a Modgres database: versioned
 * migrations apply in order, each in its own transaction guarded by Flyway's advisory lock; a
 * failing one rolls back completely and is not recorded as applied; once fixed it applies, and
 * running Flyway again finds nothing to do.
 */
class FlywayIT {

    private static ModgresServer server;

    @TempDir
    Path migrations;

    @BeforeAll
    static void start() throws Exception {
        server = ModgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(server.jdbcUrl(), "postgres", null)
                .locations("filesystem:" + migrations).load();
    }

    private void migration(String name, String sql) throws IOException {
        Files.writeString(migrations.resolve(name), sql);
    }

    @Test
    void migrations_apply_failing_ones_roll_back_and_a_second_run_finds_nothing_to_do() throws Exception {
        migration("V1__create_tables.sql", """
                create table customers (
                    id serial primary key,
                    name text not null,
                    email varchar(200) unique
                );
                create table orders (
                    id bigserial primary key,
                    customer_id int not null,
                    total numeric(10, 2) not null default 0
                );
                """);
        migration("V2__add_foreign_key.sql", """
                alter table orders add constraint orders_customer_fk
                    foreign key (customer_id) references customers (id) on delete cascade;
                """);
        migration("V3__insert_data.sql", """
                insert into customers (name, email) values ('Ada', 'ada@example.org'), ('Linus', 'linus@example.org');
                insert into orders (customer_id, total) values (1, 10.50), (1, 20.00), (2, 7.25);
                """);
        migration("V4__index_and_view.sql", """
                create index orders_customer_idx on orders (customer_id);
                create view customer_totals as
                    select c.name, sum(o.total) as total from customers c join orders o on o.customer_id = c.id
                    group by c.name;
                """);

        MigrateResult first = flyway().migrate();
        assertEquals(4, first.migrationsExecuted);
        assertEquals(List.of("Ada|30.50", "Linus|7.25"),
                query("select name || '|' || total from customer_totals order by name"));

        migration("V5__audit.sql", """
                create table audit_log (id int primary key, note text);
                insert into audit_log values (1, 'created');
                insert into no_such_table values (1);
                """);
        assertThrows(FlywayException.class, () -> flyway().migrate());
        assertEquals(List.of("0"), query("select count(*) from pg_catalog.pg_class where relname = 'audit_log'"));
        assertEquals(List.of("0"), query("select count(*) from flyway_schema_history where version = '5'"));
        assertEquals(List.of("1|true", "2|true", "3|true", "4|true"),
                query("select version || '|' || success from flyway_schema_history where version is not null "
                        + "order by installed_rank"));

        migration("V5__audit.sql", """
                create table audit_log (id int primary key, note text);
                insert into audit_log values (1, 'created');
                """);
        MigrateResult fixed = flyway().migrate();
        assertEquals(1, fixed.migrationsExecuted);
        assertEquals(List.of("1|created"), query("select id || '|' || note from audit_log"));

        Flyway flyway = flyway();
        flyway.validate();
        MigrationInfo[] applied = flyway.info().applied();
        assertEquals(List.of("1", "2", "3", "4", "5"),
                Arrays.stream(applied).map(info -> info.getVersion().getVersion()).toList());
        assertTrue(Arrays.stream(applied).allMatch(info -> info.getState() == MigrationState.SUCCESS));
        assertEquals("5", flyway.info().current().getVersion().getVersion());
        assertEquals(0, flyway.info().pending().length);

        MigrateResult again = flyway().migrate();
        assertEquals(0, again.migrationsExecuted);
        assertEquals(List.of("3"), query("select count(*) from orders"));
    }

    @Test
    void flyway_s_advisory_lock_excludes_other_sessions_until_released() throws Exception {
        try (Connection holder = server.connect(); Connection other = server.connect();
             Statement h = holder.createStatement(); Statement o = other.createStatement()) {
            assertEquals("t", single(h, "select pg_try_advisory_lock(77)"));
            assertEquals("f", single(o, "select pg_try_advisory_lock(77)"));
            assertEquals("f", single(o, "select pg_advisory_unlock(77)"));
            assertEquals("t", single(h, "select pg_try_advisory_lock(77)"));
            assertEquals("t", single(h, "select pg_advisory_unlock(77)"));
            assertEquals("f", single(o, "select pg_try_advisory_lock(77)"));
            assertEquals("t", single(h, "select pg_advisory_unlock(77)"));
            assertEquals("t", single(o, "select pg_try_advisory_lock(77)"));

            other.setAutoCommit(false);
            assertEquals("t", single(o, "select pg_try_advisory_xact_lock(78)"));
            assertEquals("f", single(h, "select pg_try_advisory_xact_lock(78)"));
            other.commit();
            assertEquals("t", single(h, "select pg_try_advisory_xact_lock(78)"));
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
