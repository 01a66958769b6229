package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One-dimensional arrays of every scalar type as column types, through psql and pgjdbc: DDL and
 * what \d, format_type and information_schema show, literals with quoting and NULLs, casts,
 * subscripts, comparisons, ORDER BY, DISTINCT and GROUP BY, ANY and ALL, ||, @>, <@, &&, the array
 * functions, array_agg and unnest, each printed as PostgreSQL 15 printed it (arrays/arrays.out was
 * recorded with psql -X -a -f); pgjdbc's getArray with binary transfer on and off, array
 * parameters (createArrayOf, = ANY(?)) in text and binary, the bytes of array_send, and array
 * columns surviving a crash and a clean restart.
 */
class ArraysIT {

    /** The array types whose binary form pgjdbc is asked for when binary transfer is on. */
    private static final String ARRAY_OIDS = "1000,1001,1005,1007,1009,1014,1015,1016,1021,1022,1115,1182,1183,1185,"
            + "1187,1231,2951";

    private static ModgresServer server;
    private static PsqlScripts psql;

    @BeforeAll
    static void start() throws IOException {
        server = ModgresServer.start();
        psql = PsqlScripts.of(server, "arrays", "arrays.sql");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void psql_prints_what_postgres_prints() throws Exception {
        assertEquals(psql.expected("arrays.sql"), psql.run("arrays.sql"));
    }

    @Test
    void multidimensional_literals_are_refused_clearly() throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> statement.executeQuery("select '{{1},{2}}'::int[]"));
            assertEquals("0A000", e.getSQLState());
            e = assertThrows(SQLException.class, () -> statement.executeQuery("select '{1,2'::int[]"));
            assertEquals("22P02", e.getSQLState());
        }
    }

    private static List<String> storedArrays() throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select a::text, t::text, n::text, z::text from kept_arrays order by id")) {
            while (rows.next()) {
                values.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " " + rows.getString(4));
            }
        }
        return values;
    }

    @Test
    void array_columns_survive_a_crash_and_a_clean_restart() throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table kept_arrays (id int primary key, a int[], t text[], n numeric(4,1)[], "
                    + "z timestamptz[])");
            statement.execute("set timezone = 'UTC'");
            statement.execute("insert into kept_arrays values (1, '{1,NULL,3}', '{\"a b\",NULL,\"x\\\"y\"}', "
                    + "'{1.25,-3}', '{\"2024-01-02 03:04:05+00\"}'), (2, '{}', '{}', null, null)");
        }
        List<String> expected = List.of("{1,NULL,3} {\"a b\",NULL,\"x\\\"y\"} {1.3,-3.0} {\"2024-01-02 03:04:05+00\"}",
                "{} {} null null");
        assertEquals(expected, storedArraysInUtc());
        server.kill();
        server.restart();
        assertEquals(expected, storedArraysInUtc());
        server.stop();
        server.restart();
        assertEquals(expected, storedArraysInUtc());
    }

    private static List<String> storedArraysInUtc() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("options", "-c TimeZone=UTC");
        List<String> values = new ArrayList<>();
        try (Connection connection = server.connect(properties); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select a, t, n, z from kept_arrays order by id")) {
            while (rows.next()) {
                values.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " " + rows.getString(4));
            }
        }
        return values;
    }

    /**
     * A connection that uses binary transfer from the first execution on, for the array types
     * pgjdbc decodes in binary (int2, int4, int8, float4, float8, text and varchar arrays), or one
     * that never does.
     */
    private static Connection connection(boolean binary) throws SQLException {
        return connection(binary, false);
    }

    /** @param everyArray whether to ask for every array type in binary, also those pgjdbc cannot decode */
    private static Connection connection(boolean binary, boolean everyArray) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("prepareThreshold", "-1");
        properties.setProperty("options", "-c TimeZone=UTC");
        if (!binary) {
            properties.setProperty("binaryTransfer", "false");
        } else if (everyArray) {
            properties.setProperty("binaryTransferEnable", ARRAY_OIDS);
        }
        return server.connect(properties);
    }

    /** One value of each array type, as a literal, and the elements pgjdbc's getArray should return, printed. */
    private record Sample(String type, String literal, String elements) {
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample("bool[]", "{t,f,NULL}", "[true, false, null]"),
            new Sample("int2[]", "{1,-2,NULL}", "[1, -2, null]"),
            new Sample("int4[]", "{1,2147483647,NULL}", "[1, 2147483647, null]"),
            new Sample("int8[]", "{9000000000,NULL}", "[9000000000, null]"),
            new Sample("float4[]", "{1.5,-2}", "[1.5, -2.0]"),
            new Sample("float8[]", "{1.25,NULL,1e100}", "[1.25, null, 1.0E100]"),
            new Sample("numeric[]", "{1.50,-2,NULL}", "[1.50, -2, null]"),
            new Sample("text[]", "{a,\"b c\",NULL,\"x\\\"y\",\"\"}", "[a, b c, null, x\"y, ]"),
            new Sample("varchar(5)[]", "{ab,NULL}", "[ab, null]"),
            new Sample("char(2)[]", "{a,bc}", "[a , bc]"),
            new Sample("uuid[]", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11,NULL}",
                    "[a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11, null]"),
            new Sample("date[]", "{2024-01-02,NULL}", "[2024-01-02, null]"),
            new Sample("time[]", "{10:00:01,NULL}", "[10:00:01, null]"),
            new Sample("timestamp[]", "{\"2024-01-02 03:04:05.5\"}", "[2024-01-02 03:04:05.5]"));

    private static String elements(Array array) throws SQLException {
        return Arrays.deepToString((Object[]) array.getArray());
    }

    @Test
    void pgjdbc_reads_arrays_of_each_type_with_and_without_binary_transfer() throws Exception {
        try (Connection setup = server.connect(); Statement statement = setup.createStatement()) {
            StringBuilder columns = new StringBuilder("create table jdbc_arrays (id int primary key");
            StringBuilder values = new StringBuilder("insert into jdbc_arrays values (1");
            for (int i = 0; i < SAMPLES.size(); i++) {
                columns.append(", c").append(i).append(' ').append(SAMPLES.get(i).type());
                values.append(", '").append(SAMPLES.get(i).literal().replace("'", "''")).append("'");
            }
            statement.execute(columns.append(")").toString());
            statement.execute(values.append(")").toString());
        }
        for (boolean binary : new boolean[] {false, true}) {
            try (Connection connection = connection(binary);
                 PreparedStatement query = connection.prepareStatement("select * from jdbc_arrays where id = ?")) {
                query.setInt(1, 1);
                try (ResultSet rows = query.executeQuery()) {
                    assertTrue(rows.next());
                    for (int i = 0; i < SAMPLES.size(); i++) {
                        Sample sample = SAMPLES.get(i);
                        assertEquals(sample.elements(), elements(rows.getArray(i + 2)),
                                sample.type() + (binary ? " binary" : " text"));
                    }
                }
            }
        }
    }

    @Test
    void binary_results_are_postgres_array_send_bytes() throws Exception {
        try (Connection connection = connection(true);
             PreparedStatement query = connection.prepareStatement(
                     "select '{1,NULL,3}'::int4[], '{a,\"b c\"}'::text[], '{}'::int8[] from (values (1)) as v(x) "
                             + "where x = ?")) {
            query.setInt(1, 1);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                // recorded from PostgreSQL 15 with the same driver settings
                assertEquals("00000001000000010000001700000003000000010000000400000001ffffffff0000000400000003",
                        HexFormat.of().formatHex(rows.getBytes(1)));
                assertEquals("0000000100000000000000190000000200000001000000016100000003622063",
                        HexFormat.of().formatHex(rows.getBytes(2)));
                assertEquals("000000000000000000000014", HexFormat.of().formatHex(rows.getBytes(3)));
            }
        }
        try (Connection setup = server.connect(); Statement statement = setup.createStatement()) {
            statement.execute("create table sent_arrays (id int primary key, b bool[], d date[], u uuid[], "
                    + "n numeric[], z timestamptz[], i interval[], y bytea[], v varchar(3)[], c char(2)[])");
            statement.execute("insert into sent_arrays values (1, '{t,NULL}', '{2024-01-02}', "
                    + "'{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}', '{1.50}', '{\"2024-01-02 03:04:05+00\"}', "
                    + "'{\"1 day\"}', '{\"\\\\x01ff\"}', '{ab}', '{a}')");
        }
        // recorded from PostgreSQL 15 with array_send
        List<String> expected = List.of(
                "00000001000000010000001000000002000000010000000101ffffffff",
                "00000001000000000000043a0000000100000001000000040000223f",
                "000000010000000000000b86000000010000000100000010a0eebc999c0b4ef8bb6d6bb9bd380a11",
                "0000000100000000000006a400000001000000010000000c000200000000000200011388",
                "0000000100000000000004a00000000100000001000000080002b0ec8515f340",
                "0000000100000000000004a200000001000000010000001000000000000000000000000100000000",
                "00000001000000000000001100000001000000010000000201ff",
                "0000000100000000000004130000000100000001000000026162",
                "0000000100000000000004120000000100000001000000026120");
        try (Connection connection = connection(true, true);
             PreparedStatement query = connection.prepareStatement(
                     "select b, d, u, n, z, i, y, v, c from sent_arrays where id = ?")) {
            query.setInt(1, 1);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                for (int i = 0; i < expected.size(); i++) {
                    assertEquals(expected.get(i), HexFormat.of().formatHex(rows.getBytes(i + 1)), "column " + (i + 1));
                }
            }
        }
    }

    @Test
    void pgjdbc_binds_arrays_as_parameters_in_text_and_binary() throws Exception {
        try (Connection setup = server.connect(); Statement statement = setup.createStatement()) {
            statement.execute("create table bound_arrays (id int primary key, ids int[], tags text[], f float8[], "
                    + "big int8[])");
        }
        int id = 0;
        for (boolean binary : new boolean[] {false, true}) {
            try (Connection connection = connection(binary)) {
                id++;
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into bound_arrays values (?, ?, ?, ?, ?)")) {
                    insert.setInt(1, id);
                    insert.setArray(2, connection.createArrayOf("int4", new Integer[] {1, null, 3}));
                    insert.setArray(3, connection.createArrayOf("text", new String[] {"a b", null, "x\"y", "NULL"}));
                    // primitive arrays go in binary
                    insert.setObject(4, new double[] {1.5, -2});
                    insert.setObject(5, new long[] {9_000_000_000L});
                    assertEquals(1, insert.executeUpdate());
                }
                try (PreparedStatement query = connection.prepareStatement(
                        "select ids, tags, f, big from bound_arrays where id = ?")) {
                    query.setInt(1, id);
                    try (ResultSet rows = query.executeQuery()) {
                        assertTrue(rows.next());
                        assertEquals("[1, null, 3]", elements(rows.getArray(1)));
                        assertEquals("[a b, null, x\"y, NULL]", elements(rows.getArray(2)));
                        assertEquals("[1.5, -2.0]", elements(rows.getArray(3)));
                        assertEquals("[9000000000]", elements(rows.getArray(4)));
                    }
                }
                try (PreparedStatement any = connection.prepareStatement(
                        "select count(*) from bound_arrays where id = any(?)")) {
                    any.setArray(1, connection.createArrayOf("int4", new Integer[] {1, 2, 7}));
                    try (ResultSet rows = any.executeQuery()) {
                        assertTrue(rows.next());
                        assertEquals(id, rows.getInt(1));
                    }
                    any.setObject(1, new int[] {7});
                    try (ResultSet rows = any.executeQuery()) {
                        assertTrue(rows.next());
                        assertEquals(0, rows.getInt(1));
                    }
                }
                try (PreparedStatement contains = connection.prepareStatement(
                        "select id from bound_arrays where tags @> ? order by id")) {
                    contains.setArray(1, connection.createArrayOf("text", new String[] {"a b"}));
                    try (ResultSet rows = contains.executeQuery()) {
                        for (int expected = 1; expected <= id; expected++) {
                            assertTrue(rows.next());
                            assertEquals(expected, rows.getInt(1));
                        }
                        assertFalse(rows.next());
                    }
                }
                try (PreparedStatement echo = connection.prepareStatement("select ?::int[]")) {
                    echo.setArray(1, connection.createArrayOf("int4", new Integer[] {4, null}));
                    try (ResultSet rows = echo.executeQuery()) {
                        assertTrue(rows.next());
                        assertArrayEquals(new Integer[] {4, null}, (Integer[]) rows.getArray(1).getArray());
                    }
                }
            }
        }
    }
}
