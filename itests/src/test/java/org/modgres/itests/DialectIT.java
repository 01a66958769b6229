package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's SQL dialect over pgjdbc: RETURNING (and getGeneratedKeys, which relies on it),
 * parameters in LIMIT and OFFSET, DISTINCT ON and INSERT ... ON CONFLICT. Expected results were
 * produced by running the same statements on PostgreSQL 15.
 */
class DialectIT {

    private static ModgresServer server;

    @BeforeAll
    static void start() {
        server = ModgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void generated_keys_come_from_returning() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table gen (id int primary key, name text, score int)");
            try (PreparedStatement insert = c.prepareStatement("insert into gen (id, name) values (?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setInt(1, 1);
                insert.setString(2, "one");
                assertEquals(1, insert.executeUpdate());
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    assertTrue(keys.next());
                    assertEquals(1, keys.getInt("id"));
                    assertEquals("one", keys.getString("name"));
                    assertEquals(3, keys.getMetaData().getColumnCount());
                    assertFalse(keys.next());
                }
            }
            try (PreparedStatement insert = c.prepareStatement("insert into gen (id, name) values (?, ?)",
                    new String[] {"id"})) {
                insert.setInt(1, 2);
                insert.setString(2, "two");
                assertEquals(1, insert.executeUpdate());
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    assertTrue(keys.next());
                    assertEquals(2, keys.getInt(1));
                    ResultSetMetaData md = keys.getMetaData();
                    assertEquals(1, md.getColumnCount());
                    assertEquals("id", md.getColumnLabel(1));
                }
            }
            assertEquals(2, s.executeUpdate("insert into gen values (3, 'x', 1), (4, 'y', 2)",
                    Statement.RETURN_GENERATED_KEYS));
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertEquals(List.of("3", "4"), column(keys, "id"));
            }
            s.execute("drop table gen");
        }
    }

    @Test
    void update_and_delete_return_new_and_old_rows() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table acct (id int primary key, owner text, balance numeric(10,2))");
            s.execute("insert into acct values (1, 'ann', 10), (2, 'bob', 20.5), (3, 'cy', 0)");
            try (ResultSet rs = s.executeQuery(
                    "update acct set balance = balance * 2 where balance > 0 returning id, balance, owner || '!' as tag")) {
                assertEquals(List.of("1|20.00|ann!", "2|41.00|bob!"), rows(rs));
            }
            assertTrue(s.execute("delete from acct where id <> 2 returning *"));
            try (ResultSet rs = s.getResultSet()) {
                assertEquals("balance", rs.getMetaData().getColumnLabel(3));
                assertEquals(List.of("1|ann|20.00", "3|cy|0.00"), rows(rs));
            }
            try (PreparedStatement update = c.prepareStatement("update acct set owner = ? where id = ? returning owner")) {
                update.setString(1, "bo");
                update.setInt(2, 2);
                try (ResultSet rs = update.executeQuery()) {
                    assertEquals(List.of("bo"), rows(rs));
                }
            }
            s.execute("drop table acct");
        }
    }

    @Test
    void limit_and_offset_take_parameters() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table nums (n int primary key)");
            s.execute("insert into nums values (1), (2), (3), (4), (5), (6)");
            try (PreparedStatement query = c.prepareStatement("select n from nums order by n limit ? offset ?")) {
                query.setInt(1, 2);
                query.setInt(2, 3);
                try (ResultSet rs = query.executeQuery()) {
                    assertEquals(List.of("4", "5"), rows(rs));
                }
                query.setLong(1, 10_000_000_000L);
                query.setInt(2, 4);
                try (ResultSet rs = query.executeQuery()) {
                    assertEquals(List.of("5", "6"), rows(rs));
                }
            }
            try (PreparedStatement query = c.prepareStatement(
                    "select n from nums order by n desc offset ? rows fetch first ? rows only")) {
                query.setInt(1, 1);
                query.setInt(2, 1);
                try (ResultSet rs = query.executeQuery()) {
                    assertEquals(List.of("5"), rows(rs));
                }
                query.setInt(1, -1);
                SQLException e = assertThrows(SQLException.class, query::executeQuery);
                assertEquals("OFFSET must not be negative", e.getMessage().lines().findFirst().orElseThrow()
                        .replaceFirst("^ERROR: ", ""));
            }
            s.execute("drop table nums");
        }
    }

    @Test
    void distinct_on_gives_what_postgresql_gives() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table readings (id int primary key, sensor text, taken date, val numeric(6,1))");
            s.execute("insert into readings values (1, 'a', '2024-01-03', 1.5), (2, 'b', '2024-01-01', 7.0), "
                    + "(3, 'a', '2024-01-05', 2.5), (4, 'c', '2024-01-02', null), (5, 'b', '2024-01-04', 6.0), "
                    + "(6, 'a', '2024-01-01', 9.5), (7, 'c', '2024-01-06', 3.0), (8, null, '2024-01-02', 4.0)");
            assertEquals(List.of("a|2024-01-05|2.5", "b|2024-01-04|6.0", "c|2024-01-06|3.0", "null|2024-01-02|4.0"),
                    query(s, "select distinct on (sensor) sensor, taken, val from readings order by sensor, taken desc"));
            assertEquals(List.of("null|8|4.0", "c|7|3.0", "b|2|7.0", "a|6|9.5"),
                    query(s, "select distinct on (sensor) sensor, id, val from readings "
                            + "order by sensor desc, val desc nulls last"));
            assertEquals(List.of("f|1", "t|2", "null|4"),
                    query(s, "select distinct on (val > 5) val > 5 as high, id from readings order by val > 5, id"));
            assertEquals(List.of("a", "b", "c", "null"), query(s, "select distinct on (sensor) sensor from readings"));
            assertEquals(List.of("a|3|1.5", "b|2|6.0", "c|2|3.0", "null|1|4.0"),
                    query(s, "select distinct on (sensor) sensor, count(*) over (partition by sensor) as n, val "
                            + "from readings order by sensor, val"));
            try (PreparedStatement query = c.prepareStatement(
                    "select distinct on (2) id, sensor from readings order by 2, id desc limit ?")) {
                query.setInt(1, 2);
                try (ResultSet rs = query.executeQuery()) {
                    assertEquals(List.of("6|a", "5|b"), rows(rs));
                }
            }
            SQLException e = assertThrows(SQLException.class,
                    () -> s.executeQuery("select distinct on (sensor) sensor, id from readings order by id, sensor"));
            assertEquals("42P10", e.getSQLState());
            s.execute("drop table readings");
        }
    }

    @Test
    void on_conflict_counts_and_changes_as_postgresql_does() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table kv (k text primary key, v int, n int)");
            s.execute("insert into kv values ('a', 1, 0), ('b', 2, 0)");
            assertEquals(1, s.executeUpdate("insert into kv values ('b', 20, 0), ('c', 3, 0) on conflict do nothing"));
            assertEquals(0, s.executeUpdate("insert into kv values ('a', 10, 0) on conflict (k) do nothing"));
            assertEquals(2, s.executeUpdate("insert into kv values ('a', 10, 0), ('d', 4, 0) on conflict (k) "
                    + "do update set v = excluded.v, n = kv.n + 1"));
            assertEquals(0, s.executeUpdate("insert into kv values ('a', 99, 0) on conflict (k) "
                    + "do update set v = excluded.v where kv.v > 50"));
            try (PreparedStatement upsert = c.prepareStatement("insert into kv values (?, ?, 0) on conflict (k) "
                    + "do update set v = kv.v + excluded.v, n = kv.n + 1 returning k, v, n")) {
                upsert.setString(1, "b");
                upsert.setInt(2, 5);
                try (ResultSet rs = upsert.executeQuery()) {
                    assertEquals(List.of("b|7|1"), rows(rs));
                }
            }
            assertEquals(List.of("a|10|1", "b|7|1", "c|3|0", "d|4|0"), query(s, "select * from kv order by k"));
            SQLException twice = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "insert into kv values ('e', 1, 0), ('e', 2, 0) on conflict (k) do update set v = excluded.v"));
            assertEquals("21000", twice.getSQLState());
            SQLException noKey = assertThrows(SQLException.class,
                    () -> s.executeUpdate("insert into kv values ('f', 1, 0) on conflict (v) do nothing"));
            assertEquals("42P10", noKey.getSQLState());
            assertEquals(4, query(s, "select k from kv").size());
            s.execute("drop table kv");
        }
    }

    private static List<String> query(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rows(rs);
        }
    }

    /** Returns each row as its text values joined with "|", NULL as "null". */
    private static List<String> rows(ResultSet rs) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
                row.append(i > 1 ? "|" : "").append(rs.getString(i));
            }
            rows.add(row.toString());
        }
        return rows;
    }

    private static List<String> column(ResultSet rs, String name) throws SQLException {
        List<String> values = new ArrayList<>();
        while (rs.next()) {
            values.add(rs.getString(name));
        }
        return values;
    }
}
