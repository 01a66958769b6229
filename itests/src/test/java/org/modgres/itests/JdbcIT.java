package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** pgjdbc with Statement and PreparedStatement against the running distribution. */
class JdbcIT {

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
    void statement_runs_ddl_dml_and_queries() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table people (id int primary key, name text not null, age int)");
            assertEquals(3, s.executeUpdate("insert into people values (1, 'ann', 31), (2, 'bob', null), (3, 'cy', 25)"));
            try (ResultSet rs = s.executeQuery("select name, age from people where age > 20 order by age desc")) {
                assertTrue(rs.next());
                assertEquals("ann", rs.getString(1));
                assertEquals(31, rs.getInt(2));
                assertTrue(rs.next());
                assertEquals("cy", rs.getString("name"));
                assertFalse(rs.next());
            }
            assertEquals(1, s.executeUpdate("update people set age = 32 where name = 'ann'"));
            assertEquals(1, s.executeUpdate("delete from people where age is null"));
            try (ResultSet rs = s.executeQuery("select count(*), sum(age), max(name) from people")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getLong(1));
                assertEquals(57, rs.getLong(2));
                assertEquals("cy", rs.getString(3));
                ResultSetMetaData md = rs.getMetaData();
                assertEquals("count", md.getColumnLabel(1));
                assertEquals("int8", md.getColumnTypeName(1));
                assertEquals("sum", md.getColumnLabel(2));
            }
            s.execute("drop table people");
        }
    }

    @Test
    void prepared_statement_binds_every_covered_type_and_reads_it_back() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table typed (i int primary key, b bigint, t text, v varchar(20), f boolean, "
                    + "n numeric(12,3), d date, ts timestamp)");
            try (PreparedStatement insert = c.prepareStatement("insert into typed values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setInt(1, 42);
                insert.setLong(2, 9_000_000_000L);
                insert.setString(3, "hello text");
                insert.setString(4, "it's varchar");
                insert.setBoolean(5, true);
                insert.setBigDecimal(6, new BigDecimal("12345.678"));
                insert.setDate(7, Date.valueOf(LocalDate.of(2024, 2, 29)));
                insert.setTimestamp(8, Timestamp.valueOf(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000)));
                assertEquals(1, insert.executeUpdate());
                insert.setInt(1, 43);
                insert.setNull(2, Types.BIGINT);
                insert.setNull(3, Types.VARCHAR);
                insert.setNull(4, Types.VARCHAR);
                insert.setNull(5, Types.BOOLEAN);
                insert.setNull(6, Types.NUMERIC);
                insert.setNull(7, Types.DATE);
                insert.setNull(8, Types.TIMESTAMP);
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement query = c.prepareStatement("select * from typed where i >= ? order by i")) {
                query.setInt(1, 0);
                try (ResultSet rs = query.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(42, rs.getInt("i"));
                    assertEquals(9_000_000_000L, rs.getLong("b"));
                    assertEquals("hello text", rs.getString("t"));
                    assertEquals("it's varchar", rs.getString("v"));
                    assertTrue(rs.getBoolean("f"));
                    assertEquals(new BigDecimal("12345.678"), rs.getBigDecimal("n"));
                    assertEquals(LocalDate.of(2024, 2, 29), rs.getObject("d", LocalDate.class));
                    assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000),
                            rs.getObject("ts", LocalDateTime.class));
                    assertTrue(rs.next());
                    assertEquals(43, rs.getInt("i"));
                    for (String column : List.of("b", "t", "v", "f", "n", "d", "ts")) {
                        assertNull(rs.getObject(column), column);
                    }
                    assertFalse(rs.next());
                }
            }
            s.execute("drop table typed");
        }
    }

    @Test
    void server_prepared_statement_keeps_working_past_the_prepare_threshold_with_binary_results() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table lookup (id int primary key, label varchar(10), score bigint)");
            s.execute("insert into lookup values (1, 'one', 10), (2, 'two', 20), (3, 'three', 30)");
            List<String> labels = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("select label, score, id from lookup where id = ?")) {
                for (int round = 0; round < 10; round++) {
                    p.setInt(1, round % 3 + 1);
                    try (ResultSet rs = p.executeQuery()) {
                        assertTrue(rs.next());
                        labels.add(rs.getString(1) + ":" + rs.getLong(2) + ":" + rs.getInt(3));
                        assertFalse(rs.next());
                    }
                }
            }
            assertEquals(List.of("one:10:1", "two:20:2", "three:30:3", "one:10:1", "two:20:2", "three:30:3",
                    "one:10:1", "two:20:2", "three:30:3", "one:10:1"), labels);
            s.execute("drop table lookup");
        }
    }

    @Test
    void batch_of_inserts_in_one_round_trip() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table batch (id int primary key, name text)");
            try (PreparedStatement p = c.prepareStatement("insert into batch (id, name) values (?, ?)")) {
                for (int i = 1; i <= 10; i++) {
                    p.setInt(1, i);
                    p.setString(2, "name" + i);
                    p.addBatch();
                }
                int[] counts = p.executeBatch();
                assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, counts);
            }
            try (ResultSet rs = s.executeQuery("select count(*), min(name), max(id) from batch")) {
                assertTrue(rs.next());
                assertEquals(10, rs.getInt(1));
                assertEquals("name1", rs.getString(2));
                assertEquals(10, rs.getInt(3));
            }
            s.execute("drop table batch");
        }
    }

    @Test
    void transactions_commit_and_roll_back() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table ledger (id int primary key, amount numeric(8,2))");
            c.setAutoCommit(false);
            s.executeUpdate("insert into ledger values (1, 10.50)");
            c.rollback();
            s.executeUpdate("insert into ledger values (2, 20.25)");
            c.commit();
            c.setAutoCommit(true);
            try (ResultSet rs = s.executeQuery("select id, amount from ledger")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1));
                assertEquals(new BigDecimal("20.25"), rs.getBigDecimal(2));
                assertFalse(rs.next());
            }
            s.execute("drop table ledger");
        }
    }

    @Test
    void joins_grouping_and_paging() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table dept (id int primary key, name text)");
            s.execute("create table emp (id int primary key, dept_id int, salary int)");
            s.execute("insert into dept values (1, 'eng'), (2, 'ops'), (3, 'empty')");
            s.execute("insert into emp values (1, 1, 100), (2, 1, 200), (3, 2, 50), (4, null, 10)");
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select d.name, count(e.id), avg(e.salary) from dept d "
                    + "left join emp e on e.dept_id = d.id group by d.name order by d.name")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getString(3));
                }
            }
            assertEquals(List.of("empty|0|null", "eng|2|150.0000000000000000", "ops|1|50.0000000000000000"), rows);
            rows.clear();
            try (ResultSet rs = s.executeQuery("select e.id from emp e join dept d on d.id = e.dept_id "
                    + "order by e.salary desc limit 2 offset 1")) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            assertEquals(List.of("1", "3"), rows);
            s.execute("drop table emp, dept");
        }
    }

    @Test
    void show_and_version_answer_like_postgres_15() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select version()")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).startsWith("PostgreSQL 15"), rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("show server_version")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).startsWith("15"));
            }
            assertEquals(15, c.getMetaData().getDatabaseMajorVersion());
            assertTrue(c.isValid(2));
        }
    }
}
