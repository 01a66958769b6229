package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The utility statements pgbench and transactional clients send: TRUNCATE, VACUUM, ANALYZE,
 * ALTER TABLE ADD PRIMARY KEY, savepoints and isolation levels, over pgjdbc and from pgbench and
 * psql, with the tags, SQLSTATEs and messages of PostgreSQL 15.
 */
class UtilityStatementsIT {

    private static ModgresServer server;

    @BeforeAll
    static void start() {
        server = ModgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private static List<String> column(Statement s, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static List<String> psql(String... args) {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1",
                "-p", String.valueOf(server.port()), "-U", "postgres", "-d", "postgres"));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void truncate_empties_tables_and_rolls_back_with_its_transaction() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table trunc_a (id int)");
            s.execute("create table trunc_b (id int)");
            s.execute("insert into trunc_a values (1), (2)");
            s.execute("insert into trunc_b values (3)");
            c.setAutoCommit(false);
            s.execute("truncate table trunc_a, public.trunc_b");
            assertEquals(0, count(s, "trunc_a"));
            c.rollback();
            c.setAutoCommit(true);
            assertEquals(2, count(s, "trunc_a"));
            s.execute("truncate trunc_a restart identity cascade");
            assertEquals(0, count(s, "trunc_a"));
            assertEquals(1, count(s, "trunc_b"));
            SQLException missing = assertThrows(SQLException.class, () -> s.execute("truncate no_such_table"));
            assertEquals("42P01", missing.getSQLState());
            s.execute("drop table trunc_a, trunc_b");
        }
    }

    @Test
    void vacuum_runs_outside_blocks_only() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table vac (id int, v int)");
            s.execute("insert into vac values (1, 1), (2, 2)");
            s.execute("delete from vac where id = 1");
            s.execute("vacuum analyze vac");
            s.execute("vacuum vac");
            s.execute("vacuum (verbose false, analyze) vac (v)");
            s.execute("analyze vac");
            s.execute("vacuum");
            assertEquals(List.of("2"), column(s, "select id from vac"));
            c.setAutoCommit(false);
            SQLException inBlock = assertThrows(SQLException.class, () -> s.execute("vacuum vac"));
            assertEquals("25001", inBlock.getSQLState());
            assertEquals("VACUUM cannot run inside a transaction block", inBlock.getMessage().lines().findFirst()
                    .orElseThrow().replaceFirst("^ERROR: ", ""));
            c.rollback();
            s.execute("analyze vac");
            c.commit();
            c.setAutoCommit(true);
            s.execute("drop table vac");
        }
    }

    @Test
    void vacuum_in_a_query_of_several_statements_is_refused_as_by_postgres() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table vac_multi (id int)");
        }
        Process p = new ProcessBuilder(psql("-c", "select 1; vacuum vac_multi")).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor());
        assertTrue(output.contains("ERROR:  VACUUM cannot run inside a transaction block"), output);
        ModgresServer.run(psql("-c", "drop table vac_multi"), null);
    }

    @Test
    void added_primary_key_refuses_duplicates() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table pk_later (id int not null, name text)");
            s.execute("insert into pk_later values (1, 'one'), (2, 'two')");
            s.execute("alter table pk_later add primary key (id)");
            SQLException duplicate = assertThrows(SQLException.class,
                    () -> s.execute("insert into pk_later values (1, 'again')"));
            assertEquals("23505", duplicate.getSQLState());
            SQLException unsupported = assertThrows(SQLException.class,
                    () -> s.execute("alter table pk_later alter column name type varchar(10)"));
            assertEquals("0A000", unsupported.getSQLState());
            s.execute("alter table if exists no_such_table add primary key (id)");
            assertEquals(2, count(s, "pk_later"));
            s.execute("drop table pk_later");
        }
    }

    @Test
    void rollback_to_savepoint_undoes_the_rows_inserted_after_it() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table sp_rows (id int primary key)");
            c.setAutoCommit(false);
            s.execute("insert into sp_rows values (1)");
            Savepoint first = c.setSavepoint("first");
            s.execute("insert into sp_rows values (2)");
            Savepoint second = c.setSavepoint();
            s.execute("insert into sp_rows values (3)");
            c.rollback(second);
            assertEquals(List.of("1", "2"), column(s, "select id from sp_rows order by id"));
            assertThrows(SQLException.class, () -> s.execute("insert into sp_rows values (1)"));
            c.rollback(first);
            assertEquals(List.of("1"), column(s, "select id from sp_rows order by id"),
                    "ROLLBACK TO also ended the failed state");
            c.releaseSavepoint(first);
            c.commit();
            c.setAutoCommit(true);
            assertEquals(List.of("1"), column(s, "select id from sp_rows order by id"));
            SQLException outside = assertThrows(SQLException.class, () -> s.execute("savepoint x"));
            assertEquals("25P01", outside.getSQLState());
            s.execute("drop table sp_rows");
        }
    }

    @Test
    void isolation_level_is_shown_and_set_as_pgjdbc_does() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
            assertEquals(List.of("read committed"), column(s, "show transaction_isolation"));
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            assertEquals(Connection.TRANSACTION_REPEATABLE_READ, c.getTransactionIsolation());
            assertEquals(List.of("repeatable read"), column(s, "show default_transaction_isolation"));
            c.setAutoCommit(false);
            assertEquals(List.of("repeatable read"), column(s, "show transaction isolation level"));
            c.commit();
            c.setAutoCommit(true);
            SQLException serializable = assertThrows(SQLException.class,
                    () -> c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE));
            assertEquals("0A000", serializable.getSQLState());
            s.execute("begin isolation level read committed");
            assertEquals(List.of("read committed"), column(s, "show transaction_isolation"));
            s.execute("commit");
            c.setReadOnly(true);
            c.setAutoCommit(false);
            s.execute("select 1");
            SQLException readOnly = assertThrows(SQLException.class, () -> s.execute("create table ro (id int)"));
            assertEquals("25006", readOnly.getSQLState());
            c.rollback();
        }
    }

    @Test
    void pgbench_initialises_its_tables() throws Exception {
        String output = ModgresServer.run(List.of("pgbench", "-i", "-s", "1", "-h", "127.0.0.1",
                "-p", String.valueOf(server.port()), "-U", "postgres", "postgres"), null);
        assertTrue(output.contains("done in"), output);
        assertFalse(output.contains("ERROR"), output);
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            assertEquals(100_000, count(s, "pgbench_accounts"));
            assertEquals(10, count(s, "pgbench_tellers"));
            SQLException duplicate = assertThrows(SQLException.class,
                    () -> s.execute("insert into pgbench_branches (bid, bbalance) values (1, 0)"));
            assertEquals("23505", duplicate.getSQLState(), "pgbench added the primary keys");
            s.execute("vacuum pgbench_branches");
            s.execute("vacuum pgbench_tellers");
            s.execute("truncate pgbench_history");
            s.execute("drop table pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers");
        }
    }
}
