package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;

/** Each error the skeleton must report, with PostgreSQL's SQLSTATE and message, and the session surviving it. */
class ErrorsIT {

    private static ModgresServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ModgresServer.start();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table existing (id int primary key, name text)");
            s.execute("insert into existing values (1, 'one')");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "42601|selec 1|syntax error at or near \"selec\"",
        "42P01|select * from missing_table|relation \"missing_table\" does not exist",
        "42703|select no_such_column from existing|column \"no_such_column\" does not exist",
        "42P07|create table existing (a int)|relation \"existing\" already exists",
        "23505|insert into existing values (1, 'again')|duplicate key value violates unique constraint \"existing_pkey\"",
        "22012|select 1 / 0|division by zero",
        "23502|insert into existing values (null, 'x')|null value in column \"id\" of relation \"existing\" violates not-null constraint",
    })
    void reports_sqlstate_and_message_and_keeps_the_connection(String sqlState, String sql, String message)
            throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            PSQLException e = assertThrows(PSQLException.class, () -> s.execute(sql));
            assertEquals(sqlState, e.getSQLState(), e.getMessage());
            assertEquals(message, e.getServerErrorMessage().getMessage());
            try (ResultSet rs = s.executeQuery("select count(*) from existing")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void error_inside_a_transaction_block_aborts_it_until_rollback() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("insert into existing values (2, 'two')");
            assertEquals("22012", assertThrows(SQLException.class, () -> s.execute("select 1/0")).getSQLState());
            assertEquals("25P02",
                    assertThrows(SQLException.class, () -> s.execute("select 1")).getSQLState());
            c.rollback();
            c.setAutoCommit(true);
            try (ResultSet rs = s.executeQuery("select count(*) from existing")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
    }
}
