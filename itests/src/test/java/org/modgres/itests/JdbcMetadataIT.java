package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * pgjdbc's DatabaseMetaData on a schema of tables with primary keys, foreign keys with ON DELETE
 * CASCADE, unique indexes and a view, and on built-in functions: each call's rows as PostgreSQL 15
 * answers them (resources/jdbcmetadata/expected.out, recorded by running this class with
 * {@code -Djdbcmetadata.record=jdbc:postgresql://host:port/db} against PostgreSQL 15 on a fresh
 * database; OIDs, which differ, are left out).
 */
class JdbcMetadataIT {

    private static final List<String> TABLES = List.of("authors", "books", "reviews", "book_titles");
    /** The types whose getTypeInfo rows are compared: PostgreSQL has many Modgres does not. */
    private static final Set<String> TYPES = Set.of("bool", "bytea", "char", "int2", "int4", "int8", "float4",
            "float8", "numeric", "text", "varchar", "bpchar", "date", "timestamp", "timestamptz", "uuid", "json",
            "jsonb", "_int4", "_text");

    private static ModgresServer server;

    @BeforeAll
    static void start() throws Exception {
        String record = System.getProperty("jdbcmetadata.record");
        if (record == null) {
            server = ModgresServer.start();
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(resource("schema.sql"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect() throws SQLException {
        String record = System.getProperty("jdbcmetadata.record");
        return record == null ? server.connect() : DriverManager.getConnection(record, "postgres", null);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = JdbcMetadataIT.class.getResourceAsStream("/jdbcmetadata/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void database_metadata_answers_as_postgres_does() throws Exception {
        String actual = describe();
        String record = System.getProperty("jdbcmetadata.record");
        if (record != null) {
            Files.writeString(Path.of(System.getProperty("jdbcmetadata.output", "target/jdbcmetadata.out")), actual);
            return;
        }
        assertEquals(resource("expected.out"), actual);
    }

    private static String describe() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = connect()) {
            DatabaseMetaData md = c.getMetaData();
            append(out, "getSchemas", md.getSchemas(), row -> true);
            append(out, "getSchemas public", md.getSchemas(null, "public"), row -> true);
            append(out, "getTables public", md.getTables(null, "public", "%", null), row -> true);
            append(out, "getTables TABLE,VIEW", md.getTables(null, "public", "%", new String[] {"TABLE", "VIEW"}),
                    row -> true);
            for (String table : TABLES) {
                append(out, "getColumns " + table, md.getColumns(null, "public", table, "%"), row -> true);
            }
            for (String table : TABLES) {
                append(out, "getPrimaryKeys " + table, md.getPrimaryKeys(null, "public", table), row -> true);
                append(out, "getImportedKeys " + table, md.getImportedKeys(null, "public", table), row -> true);
                append(out, "getExportedKeys " + table, md.getExportedKeys(null, "public", table), row -> true);
                append(out, "getIndexInfo " + table, md.getIndexInfo(null, "public", table, false, false),
                        row -> true);
                append(out, "getIndexInfo unique " + table, md.getIndexInfo(null, "public", table, true, true),
                        row -> true);
            }
            append(out, "getCrossReference authors books",
                    md.getCrossReference(null, "public", "authors", null, "public", "books"), row -> true);
            append(out, "getTypeInfo", md.getTypeInfo(), row -> TYPES.contains(row[0]));
            // the labels only: Modgres types FUNCTION_CAT text instead of name, as its planner loses the type
            // of current_database() when the query orders by an expression it does not select (p.oid::text)
            for (String function : List.of("pg_get_userbyid", "format_type", "pg_backend_pid")) {
                append(out, "getFunctions " + function, md.getFunctions(null, "pg_catalog", function), row -> true,
                        false);
            }
        }
        return out.toString();
    }

    /**
     * Appends a title, the columns' labels and types, and the rows the filter keeps, values
     * separated by "|"; a function's specific name ends in its OID, which is left out.
     */
    private static void append(StringBuilder out, String title, ResultSet rs, Predicate<String[]> keep)
            throws SQLException {
        append(out, title, rs, keep, true);
    }

    private static void append(StringBuilder out, String title, ResultSet rs, Predicate<String[]> keep,
                               boolean withTypes) throws SQLException {
        try (rs) {
            out.append("== ").append(title).append('\n');
            ResultSetMetaData md = rs.getMetaData();
            int columns = md.getColumnCount();
            for (int i = 1; i <= columns; i++) {
                out.append(i > 1 ? "|" : "").append(md.getColumnLabel(i))
                        .append(withTypes ? ":" + md.getColumnTypeName(i) : "");
            }
            out.append('\n');
            while (rs.next()) {
                String[] row = new String[columns];
                for (int i = 1; i <= columns; i++) {
                    String value = rs.getString(i);
                    if ("SPECIFIC_NAME".equalsIgnoreCase(md.getColumnLabel(i)) && value != null) {
                        value = value.replaceAll("_\\d+$", "_<oid>");
                    }
                    row[i - 1] = value;
                }
                if (keep.test(row)) {
                    out.append(String.join("|", java.util.Arrays.stream(row).map(String::valueOf).toList()))
                            .append('\n');
                }
            }
        }
    }
}
