package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * UPDATE ... FROM, DELETE ... USING, WITH before INSERT, UPDATE and DELETE, and WITH RECURSIVE
 * through psql, each printed as PostgreSQL 15 printed it (dml/dml_from.out was recorded with
 * psql -X -a -f), including the 42P19 errors of badly formed recursive queries; and through
 * pgjdbc with parameters.
 */
class DmlFromIT {

    private static ModgresServer server;
    private static PsqlScripts psql;

    @BeforeAll
    static void start() throws IOException {
        server = ModgresServer.start();
        psql = PsqlScripts.of(server, "dml", "dml_from.sql");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void psql_prints_what_postgres_prints() throws Exception {
        assertEquals(psql.expected("dml_from.sql"), psql.run("dml_from.sql"));
    }

    @Test
    void update_from_and_delete_using_take_parameters() throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table jdbc_stock (sku int primary key, qty int)");
            statement.execute("create table jdbc_moves (sku int, delta int)");
            statement.execute("insert into jdbc_stock values (1, 10), (2, 20), (3, 30)");
            statement.execute("insert into jdbc_moves values (1, 5), (2, -5), (3, 1)");
            try (PreparedStatement update = connection.prepareStatement(
                    "update jdbc_stock s set qty = s.qty + m.delta from jdbc_moves m "
                            + "where m.sku = s.sku and m.delta > ? returning s.sku, s.qty, m.delta")) {
                update.setInt(1, 0);
                try (ResultSet rows = update.executeQuery()) {
                    int count = 0;
                    while (rows.next()) {
                        count++;
                        assertEquals(rows.getInt(1) == 1 ? 15 : 31, rows.getInt(2));
                    }
                    assertEquals(2, count);
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from jdbc_stock s using jdbc_moves m where m.sku = s.sku and m.delta = ?")) {
                delete.setInt(1, -5);
                assertEquals(1, delete.executeUpdate());
            }
            try (PreparedStatement recursive = connection.prepareStatement(
                    "with recursive n(i) as (select 1 union all select i + 1 from n where i < ?) select sum(i) from n")) {
                recursive.setInt(1, 100);
                try (ResultSet rows = recursive.executeQuery()) {
                    assertTrue(rows.next());
                    assertEquals(5050, rows.getLong(1));
                    assertFalse(rows.next());
                }
            }
        }
    }
}
