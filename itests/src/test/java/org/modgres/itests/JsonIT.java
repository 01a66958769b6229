package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGobject;

/**
 * PostgreSQL's json and jsonb through psql and pgjdbc: input (json kept as written, jsonb
 * normalised), PostgreSQL's errors and details for bad input, the operators (-> ->> #> #>> @> <@
 * ? ?| ?& || - #-), jsonb's equality and order in ORDER BY, GROUP BY and DISTINCT, the
 * constructors, aggregates and other functions, the set-returning functions in FROM, and table
 * columns, each printed as PostgreSQL 15 printed it (json/json.out was recorded with
 * psql -X -a -f); columns surviving a crash and a clean restart; pgjdbc's PGobject values and the
 * binary forms (json: the text, jsonb: version 1 and the text).
 */
class JsonIT {

    private static ModgresServer server;
    private static PsqlScripts psql;

    @BeforeAll
    static void start() throws IOException {
        server = ModgresServer.start();
        psql = PsqlScripts.of(server, "json", "json.sql");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void psql_prints_what_postgres_prints() throws Exception {
        assertEquals(psql.expected("json.sql"), psql.run("json.sql"));
    }

    private static List<String> stored() throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select j::text || ' ' || coalesce(jb::text, 'NULL') from kept_json "
                     + "where j is not null union all select 'null row' from kept_json where j is null")) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        values.sort(null);
        return values;
    }

    @Test
    void json_columns_survive_a_crash_and_a_clean_restart() throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table kept_json (id int primary key, j json, jb jsonb)");
            statement.execute("insert into kept_json values (1, '{\"b\":1,  \"a\":[1, 2.50]}', '{\"b\":1,  \"a\":[1, 2.50]}'), "
                    + "(2, '\"\\u00e9\\n\"', '\"\\u00e9\\n\"'), (3, null, null)");
            statement.execute("update kept_json set jb = jb || '{\"c\": null}' where id = 1");
        }
        List<String> expected = Arrays.asList("\"\\u00e9\\n\" \"é\\n\"", "null row",
                "{\"b\":1,  \"a\":[1, 2.50]} {\"a\": [1, 2.50], \"b\": 1, \"c\": null}");
        assertEquals(expected, stored());
        server.kill();
        server.restart();
        assertEquals(expected, stored());
        server.stop();
        server.restart();
        assertEquals(expected, stored());
    }

    @Test
    void pgjdbc_reads_json_and_jsonb_as_PGobject_as_from_postgres() throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select '{\"b\":1, \"a\":2}'::json, '{\"b\":1, \"a\":2}'::jsonb, null::jsonb")) {
            assertTrue(rows.next());
            PGobject json = assertInstanceOf(PGobject.class, rows.getObject(1));
            assertEquals("json", json.getType());
            assertEquals("{\"b\":1, \"a\":2}", json.getValue());
            PGobject jsonb = assertInstanceOf(PGobject.class, rows.getObject(2));
            assertEquals("jsonb", jsonb.getType());
            assertEquals("{\"a\": 2, \"b\": 1}", jsonb.getValue());
            assertEquals("{\"a\": 2, \"b\": 1}", rows.getString(2));
            assertEquals("json", rows.getMetaData().getColumnTypeName(1));
            assertEquals("jsonb", rows.getMetaData().getColumnTypeName(2));
            assertEquals(null, rows.getObject(3));
        }
    }

    @Test
    void pgjdbc_binds_PGobject_jsonb_and_reads_binary_results() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("prepareThreshold", "-1");
        properties.setProperty("binaryTransferEnable", "114,3802");
        try (Connection connection = server.connect(properties); Statement statement = connection.createStatement()) {
            statement.execute("create table jdbc_json (id int primary key, j json, jb jsonb)");
            try (PreparedStatement insert = connection.prepareStatement("insert into jdbc_json values (?, ?, ?)")) {
                PGobject json = new PGobject();
                json.setType("json");
                json.setValue("[1,  {\"x\": true}]");
                PGobject jsonb = new PGobject();
                jsonb.setType("jsonb");
                jsonb.setValue("{\"z\": [], \"y\": \"s\"}");
                insert.setInt(1, 1);
                insert.setObject(2, json);
                insert.setObject(3, jsonb);
                insert.executeUpdate();
            }
            try (PreparedStatement query = connection.prepareStatement("select j, jb from jdbc_json where id = ?")) {
                query.setInt(1, 1);
                try (ResultSet rows = query.executeQuery()) {
                    assertTrue(rows.next());
                    assertArrayEquals("[1,  {\"x\": true}]".getBytes(StandardCharsets.UTF_8), rows.getBytes(1));
                    byte[] jsonb = rows.getBytes(2);
                    assertEquals(1, jsonb[0]);
                    assertEquals("{\"y\": \"s\", \"z\": []}", new String(jsonb, 1, jsonb.length - 1, StandardCharsets.UTF_8));
                }
            }
            try (PreparedStatement query = connection.prepareStatement("select jb -> 'y', jb ->> 'y' from jdbc_json where jb @> ?::jsonb")) {
                query.setString(1, "{\"y\": \"s\"}");
                try (ResultSet rows = query.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals("s", rows.getString(2));
                }
            }
        }
    }

    @Test
    void json_has_no_equality_and_bad_input_reports_postgres_detail() throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            SQLException noEquality = assertThrows(SQLException.class,
                    () -> statement.executeQuery("select '1'::json = '1'::json"));
            assertEquals("42883", noEquality.getSQLState());
            assertTrue(noEquality.getMessage().contains("operator does not exist: json = json"), noEquality.getMessage());
            SQLException badInput = assertThrows(SQLException.class,
                    () -> statement.executeQuery("select '{\"a\": x}'::jsonb"));
            assertEquals("22P02", badInput.getSQLState());
            assertTrue(badInput.getMessage().contains("invalid input syntax for type json"), badInput.getMessage());
            assertTrue(badInput.getMessage().contains("Token \"x\" is invalid."), badInput.getMessage());
        }
    }
}
