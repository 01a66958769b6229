package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pg_catalog as pgbench, psql and pgjdbc read it: the expected texts are what psql 15 prints
 * against PostgreSQL 15 for the same schema (resources/catalog).
 */
class CatalogIT {

    /** pgbench 15's check whether pgbench_accounts is partitioned (clients/pgbench.md, section 4). */
    private static final String PGBENCH_PARTITION_QUERY = "select o.n, p.partstrat, pg_catalog.count(i.inhparent) "
            + "from pg_catalog.pg_class as c join pg_catalog.pg_namespace as n on (n.oid = c.relnamespace) "
            + "cross join lateral (select pg_catalog.array_position(pg_catalog.current_schemas(true), n.nspname)) "
            + "as o(n) left join pg_catalog.pg_partitioned_table as p on (p.partrelid = c.oid) "
            + "left join pg_catalog.pg_inherits as i on (c.oid = i.inhparent) "
            + "where c.relname = 'pgbench_accounts' and o.n is not null group by 1, 2 order by 1 asc limit 1";

    private static ModgresServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ModgresServer.start();
        Path schema = Files.createTempFile("catalog-schema", ".sql");
        Files.writeString(schema, resource("schema.sql"));
        ModgresServer.run(psql("-q", "-v", "ON_ERROR_STOP=1", "-f", schema.toString()), null);
        Files.delete(schema);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CatalogIT.class.getResourceAsStream("/catalog/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> psql(String... args) {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1",
                "-p", String.valueOf(server.port()), "-U", "postgres", "-d", "postgres"));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void pgbench_partition_query_finds_public_second_in_the_path_and_no_partitions() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(PGBENCH_PARTITION_QUERY)) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(List.of("n", "partstrat", "count"),
                    List.of(md.getColumnLabel(1), md.getColumnLabel(2), md.getColumnLabel(3)));
            assertEquals(List.of("int4", "char", "int8"),
                    List.of(md.getColumnTypeName(1), md.getColumnTypeName(2), md.getColumnTypeName(3)));
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1));
            assertNull(rs.getString(2));
            assertEquals(0, rs.getLong(3));
            assertFalse(rs.next());
        }
    }

    @Test
    void pgbench_server_side_generation_fills_the_tables() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            assertEquals(1, s.executeUpdate(
                    "insert into pgbench_branches(bid,bbalance) select bid, 0 from generate_series(1, 1) as bid"));
            assertEquals(10, s.executeUpdate("insert into pgbench_tellers(tid,bid,tbalance) "
                    + "select tid, (tid - 1) / 10 + 1, 0 from generate_series(1, 10) as tid"));
            assertEquals(100000, s.executeUpdate("insert into pgbench_accounts(aid,bid,abalance,filler) "
                    + "select aid, (aid - 1) / 100000 + 1, 0, '' from generate_series(1, 100000) as aid"));
            c.commit();
            try (ResultSet rs = s.executeQuery("select count(*), sum(aid), max(bid) from pgbench_accounts")) {
                assertTrue(rs.next());
                assertEquals(100000, rs.getLong(1));
                assertEquals(5000050000L, rs.getLong(2));
                assertEquals(1, rs.getInt(3));
            }
            try (ResultSet rs = s.executeQuery("select count(*) from pgbench_tellers where bid = 1")) {
                assertTrue(rs.next());
                assertEquals(10, rs.getLong(1));
            }
        }
    }

    @Test
    void psql_lists_tables_as_postgres_does() throws Exception {
        assertEquals(resource("dt.out"), ModgresServer.run(psql("-c", "\\dt"), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pgbench_accounts", "catalog_types"})
    void psql_describes_a_table_as_postgres_does(String table) throws Exception {
        assertEquals(resource("d-" + table + ".out"), ModgresServer.run(psql("-c", "\\d " + table), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pgbench_accounts", "catalog_types"})
    void psql_describes_a_table_verbosely_as_postgres_does(String table) throws Exception {
        assertEquals(resource("dplus-" + table + ".out"), ModgresServer.run(psql("-c", "\\d+ " + table), null));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 9})
    void the_queries_psql_sends_for_describe_answer_as_postgres_does(int query) throws Exception {
        String oid = ModgresServer.run(psql("-A", "-t", "-c",
                "select c.oid from pg_catalog.pg_class c where c.relname = 'catalog_types'"), null).strip();
        Path file = Files.createTempFile("describe-" + query, ".sql");
        Files.writeString(file, resource("describe-" + query + ".sql").replace("${oid}", oid));
        String output = ModgresServer.run(psql("-A", "-f", file.toString()), null);
        Files.delete(file);
        assertEquals(resource("describe-" + query + "-catalog_types.out"), output);
    }

    @Test
    void pgjdbc_primary_keys_and_indexes_are_postgres_s() throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = server.connect()) {
            DatabaseMetaData metaData = c.getMetaData();
            for (String table : List.of("catalog_types", "catalog_pairs")) {
                appendRows(out, "getPrimaryKeys " + table, metaData.getPrimaryKeys(null, "public", table));
                appendRows(out, "getIndexInfo " + table, metaData.getIndexInfo(null, "public", table, false, false));
                appendRows(out, "getIndexInfo unique " + table,
                        metaData.getIndexInfo(null, "public", table, true, true));
            }
        }
        assertEquals(resource("pgjdbc-metadata.out"), out.toString());
    }

    /** Appends a title, the columns' labels and types, and one line per row, values separated by "|". */
    private static void appendRows(StringBuilder out, String title, ResultSet rs) throws Exception {
        try (rs) {
            out.append("== ").append(title).append('\n');
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.append(i > 1 ? "|" : "").append(md.getColumnLabel(i)).append(':').append(md.getColumnTypeName(i));
            }
            out.append('\n');
            while (rs.next()) {
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    out.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.append('\n');
            }
        }
    }

    @Test
    void pg_settings_and_session_functions_answer_as_postgres_does() throws Exception {
        Path file = Files.createTempFile("pg_settings", ".sql");
        Files.writeString(file, resource("pg_settings.sql"));
        String output = ModgresServer.run(psql("-A", "-f", file.toString()), null);
        Files.delete(file);
        assertEquals(resource("pg_settings.out"), output);
    }

    @Test
    void pg_stat_activity_shows_this_backend_running_this_query() throws Exception {
        String query = "select pid = pg_catalog.pg_backend_pid(), usename, application_name, client_addr, state, "
                + "query, backend_type, xact_start = query_start, backend_start <= query_start "
                + "from pg_catalog.pg_stat_activity where pid = pg_catalog.pg_backend_pid()";
        try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            assertTrue(rs.next());
            assertEquals(List.of("t", "postgres", "PostgreSQL JDBC Driver", "127.0.0.1", "active", query,
                    "client backend", "t", "t"), List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                    rs.getString(9)));
            assertFalse(rs.next());
        }
    }
}
