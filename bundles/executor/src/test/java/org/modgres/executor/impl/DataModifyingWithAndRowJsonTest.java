package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** INSERT, UPDATE and DELETE in WITH, and rows as json, run by the row executor. */
class DataModifyingWithAndRowJsonTest {

    private final SqlHarness sql = new SqlHarness();

    @BeforeEach
    void tables() {
        sql.update("create table item (id integer primary key, name text, qty integer)");
        sql.update("create table archive (id integer, name text, note text)");
        sql.update("insert into item values (1, 'a', 10), (2, 'b', 20), (3, 'c', 30)");
    }

    @Test
    void theQueryReadsTheRowsTheDeleteReturned() {
        assertEquals(List.of(List.of(2, "b"), List.of(3, "c")),
                sql.rows("with d as (delete from item where id >= 2 returning id, name) select * from d order by id"));
        assertEquals(List.of(List.of(1, "a", 10)), sql.stored("item"));
    }

    @Test
    void archiveAndDelete() {
        SqlHarness.Outcome outcome = sql.execute("with u as (update item set qty = qty + 1 where id < 3 returning *) "
                + "insert into archive select id, name, 'qty ' || qty from u");
        assertEquals(2, outcome.count());
        assertEquals(List.of(List.of(1, "a", "qty 11"), List.of(2, "b", "qty 21")),
                sql.rows("select * from archive order by id"));
    }

    @Test
    void dmlNobodyReadsRunsOnceAndReturnedRowsAreReadTwiceAlike() {
        sql.rows("with i as (insert into item values (4, 'd', 40) returning id) select 1");
        assertEquals(List.of(List.of(4L)), sql.rows("select count(*) from item"));
        assertEquals(List.of(List.of(5, 5)),
                sql.rows("with i as (insert into item values (5, 'e', 50) returning id) "
                        + "select a.id, b.id from i a cross join i b"));
        assertEquals(List.of(List.of(5L)), sql.rows("select count(*) from item"));
    }

    @Test
    void laterDmlReadsTheRowsOfEarlier() {
        assertEquals(List.of(List.of(1)),
                sql.rows("with d as (delete from item where id = 1 returning *), "
                        + "i as (insert into archive select id, name, 'moved' from d returning id) select id from i"));
        assertEquals(List.of(List.of(1, "a", "moved")), sql.stored("archive"));
    }

    @Test
    void aReadOnlyTransactionRefusesTheDmlOfAQuery() {
        sql.settings.put("transaction_read_only", "on");
        PgException e = assertThrows(PgException.class,
                () -> sql.rows("with d as (delete from item returning *) select * from d"));
        assertEquals(SqlState.READ_ONLY_SQL_TRANSACTION, e.sqlState());
        assertEquals("cannot execute DELETE in a read-only transaction", e.getMessage());
        sql.settings.remove("transaction_read_only");
        assertEquals(List.of(List.of(3L)), sql.rows("select count(*) from item"));
    }

    @Test
    void rowsAsJson() {
        assertEquals("{\"id\":1,\"name\":\"a\",\"qty\":10}",
                sql.value("select row_to_json(i) from item i where id = 1").toString());
        assertEquals("{\"id\": 1, \"qty\": 10, \"name\": \"a\"}",
                sql.value("select to_jsonb(item) from item where id = 1").toString());
        assertEquals("[{\"id\":1,\"name\":\"a\"}, \n {\"id\":2,\"name\":\"b\"}]",
                sql.value("select json_agg(s) from (select id, name from item where id < 3) s").toString());
        assertEquals("{\"f1\":1,\"f2\":\"x\",\"f3\":null}", sql.value("select row_to_json(row(1, 'x', null))").toString());
    }
}
