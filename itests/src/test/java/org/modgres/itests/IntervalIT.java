package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGInterval;

/**
 * PostgreSQL's interval type through psql and pgjdbc: literals and casts in every input form,
 * output with IntervalStyle postgres, arithmetic with timestamps, timestamptz (in two time
 * zones), dates and times, comparisons with 30-day months, ORDER BY, sum and avg, age, the
 * justify functions, extract, date_part, date_trunc and make_interval, errors with their
 * SQLSTATEs, and a table column, each printed as PostgreSQL 15 printed it (interval/interval.out
 * was recorded with psql -X -a -f); pgjdbc's PGInterval read and bound with binary transfer, and
 * the binary form of results.
 */
class IntervalIT {

    private static ModgresServer server;
    private static PsqlScripts psql;

    @BeforeAll
    static void start() throws IOException {
        server = ModgresServer.start();
        psql = PsqlScripts.of(server, "interval", "interval.sql");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void psql_prints_what_postgres_prints() throws Exception {
        assertEquals(psql.expected("interval.sql"), psql.run("interval.sql"));
    }

    private static List<String> storedIntervals() throws Exception {
        List<String> values = new java.util.ArrayList<>();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select d from kept_intervals order by id")) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Test
    void an_interval_column_survives_a_crash_and_a_clean_restart() throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table kept_intervals (id int primary key, d interval)");
            statement.execute("insert into kept_intervals values (1, '1 year 2 mons -3 days 04:05:06.789'), "
                    + "(2, '-178956970 years -8 mons -2147483648 days'), (3, null)");
        }
        List<String> expected = java.util.Arrays.asList("1 year 2 mons -3 days +04:05:06.789",
                "-178956970 years -8 mons -2147483648 days", null);
        assertEquals(expected, storedIntervals());
        server.kill();
        server.restart();
        assertEquals(expected, storedIntervals());
        server.stop();
        server.restart();
        assertEquals(expected, storedIntervals());
    }

    /**
     * Binary transfer from the first execution on. pgjdbc asks for interval results in text
     * (its PGInterval has no binary form); with interval added to binaryTransferEnable it gets
     * interval_send's bytes, which getBytes returns as they came.
     */
    private static Connection binaryConnection(boolean binaryIntervals) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("prepareThreshold", "-1");
        if (binaryIntervals) {
            properties.setProperty("binaryTransferEnable", "1186");
        }
        return server.connect(properties);
    }

    @Test
    void binary_results_are_postgres_interval_send_bytes() throws Exception {
        try (Connection connection = binaryConnection(true);
             PreparedStatement query = connection.prepareStatement(
                     "select interval '1 year 2 mons 3 days 04:05:06.5' from (values (1)) as v(x) where x = ?")) {
            query.setInt(1, 1);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                // recorded from PostgreSQL 15 with the same driver settings
                assertEquals("000000036c9361a0000000030000000e", HexFormat.of().formatHex(rows.getBytes(1)));
            }
        }
    }

    @Test
    void pgjdbc_reads_and_binds_PGInterval_with_binary_transfer() throws Exception {
        try (Connection connection = binaryConnection(false); Statement statement = connection.createStatement()) {
            statement.execute("create table jdbc_intervals (id int primary key, d interval)");
            statement.execute("insert into jdbc_intervals values (1, '1 year 2 mons 3 days 04:05:06.5'), "
                    + "(2, '-1 day +02:00'), (3, null)");
            try (PreparedStatement query = connection.prepareStatement("select d from jdbc_intervals where id = ?")) {
                query.setInt(1, 1);
                try (ResultSet rows = query.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals(new PGInterval(1, 2, 3, 4, 5, 6.5), rows.getObject(1));
                    assertEquals("1 year 2 mons 3 days 04:05:06.5", rows.getString(1));
                }
                query.setInt(1, 2);
                try (ResultSet rows = query.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals(new PGInterval(0, 0, -1, 2, 0, 0), rows.getObject(1));
                }
                query.setInt(1, 3);
                try (ResultSet rows = query.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals(null, rows.getObject(1));
                }
            }
            try (PreparedStatement expression = connection.prepareStatement(
                    "select cast('2020-01-31 10:00:00' as timestamp) + ?, ? * 2, justify_hours(?)")) {
                expression.setObject(1, new PGInterval(0, 1, 0, 0, 0, 0));
                expression.setObject(2, new PGInterval(0, 0, 1, 12, 0, 0));
                expression.setObject(3, new PGInterval(0, 0, 0, 50, 0, 0));
                try (ResultSet rows = expression.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals("2020-02-29 10:00:00", rows.getString(1));
                    assertEquals(new PGInterval(0, 0, 2, 24, 0, 0), rows.getObject(2));
                    assertEquals(new PGInterval(0, 0, 2, 2, 0, 0), rows.getObject(3));
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into jdbc_intervals values (?, ?)")) {
                insert.setInt(1, 4);
                insert.setObject(2, new PGInterval(0, 0, 0, 0, 0, -1.25));
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "select id, d from jdbc_intervals where d < ? order by d")) {
                query.setObject(1, new PGInterval(0, 0, 0, 0, 0, 0));
                try (ResultSet rows = query.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals(2, rows.getInt(1));
                    assertTrue(rows.next());
                    assertEquals(4, rows.getInt(1));
                    assertEquals("-00:00:01.25", rows.getString(2));
                    assertEquals(false, rows.next());
                }
            }
        }
    }
}
