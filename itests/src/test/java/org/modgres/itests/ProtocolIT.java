package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Protocol features pgjdbc relies on: portal suspension, cancel requests, statement_timeout. */
class ProtocolIT {

    /** A three-way cross join of a table this big runs far longer than any timeout below. */
    private static final String LONG_QUERY = "select count(*) from spin a, spin b, spin c";

    private static ModgresServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ModgresServer.start();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table spin (id int)");
            StringBuilder values = new StringBuilder("insert into spin values (0)");
            for (int i = 1; i < 600; i++) {
                values.append(", (").append(i).append(')');
            }
            s.execute(values.toString());
            s.execute("create table many (id int primary key, label text)");
            try (PreparedStatement p = c.prepareStatement("insert into many values (?, ?)")) {
                for (int i = 1; i <= 10_000; i++) {
                    p.setInt(1, i);
                    p.setString(2, "row " + i);
                    p.addBatch();
                    if (i % 1000 == 0) {
                        p.executeBatch();
                    }
                }
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void fetch_size_streams_10000_rows_through_a_suspended_portal() throws Exception {
        try (Connection c = server.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("select id, label from many where id <= ? order by id")) {
                p.setFetchSize(100);
                p.setInt(1, 10_000);
                long sum = 0;
                int rows = 0;
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        sum += rs.getInt(1);
                        assertEquals("row " + rs.getInt(1), rs.getString(2));
                    }
                }
                assertEquals(10_000, rows);
                assertEquals(10_000L * 10_001 / 2, sum);
            }
            c.commit();
        }
    }

    @Test
    void query_timeout_sends_a_cancel_request_that_stops_only_that_statement() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(LONG_QUERY));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("57014", e.getSQLState(), e.getMessage());
            assertTrue(e.getMessage().contains("canceling statement due to user request"), e.getMessage());
            assertTrue(millis < 10_000, "cancelled after " + millis + " ms");
            s.setQueryTimeout(0);
            try (ResultSet rs = s.executeQuery("select count(*) from spin")) {
                assertTrue(rs.next());
                assertEquals(600, rs.getInt(1));
            }
        }
    }

    @Test
    void statement_timeout_cancels_with_57014() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("set statement_timeout = '300ms'");
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(LONG_QUERY));
            assertEquals("57014", e.getSQLState());
            assertTrue(e.getMessage().contains("canceling statement due to statement timeout"), e.getMessage());
            assertFalse(c.isClosed());
            try (ResultSet rs = s.executeQuery("show statement_timeout")) {
                assertTrue(rs.next());
                assertEquals("300ms", rs.getString(1));
            }
        }
    }
}
