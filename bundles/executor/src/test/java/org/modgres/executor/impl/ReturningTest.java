package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.executor.impl.SqlHarness.Outcome;

class ReturningTest {

    private final SqlHarness sql = new SqlHarness();

    @BeforeEach
    void tables() {
        sql.update("create table t (id integer primary key, v varchar(5), n numeric(5, 2))");
    }

    @Test
    void insertReturnsTheStoredRows() {
        Outcome outcome = sql.execute("insert into t values (1, 'a', 1.235), ($1, $2, 2) returning *", 2, "b");
        assertEquals(2, outcome.count());
        assertEquals(List.of(List.of(1, "a", new BigDecimal("1.24")), List.of(2, "b", new BigDecimal("2.00"))),
                outcome.rows());
    }

    @Test
    void insertReturnsExpressionsOfTheNewRows() {
        Outcome outcome = sql.execute("insert into t (id, v) values (7, 'x') returning id * 10, v || '!' as w, n");
        assertEquals(List.of(Arrays.asList(70, "x!", null)), outcome.rows());
        assertEquals(1, outcome.count());
    }

    @Test
    void insertSelectReturnsEachInsertedRow() {
        sql.update("insert into t (id) values (1), (2)");
        Outcome outcome = sql.execute("insert into t (id) select id + 10 from t returning id");
        assertEquals(List.of(List.of(11), List.of(12)), outcome.rows());
    }

    @Test
    void updateReturnsTheNewValues() {
        sql.update("insert into t values (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)");
        Outcome outcome = sql.execute("update t as x set n = n * 2, v = 'z' where x.id >= 2 returning x.id, v, n");
        assertEquals(2, outcome.count());
        assertEquals(List.of(List.of(2, "z", new BigDecimal("4.00")), List.of(3, "z", new BigDecimal("6.00"))),
                outcome.rows());
    }

    @Test
    void deleteReturnsTheOldRows() {
        sql.update("insert into t values (1, 'a', 1), (2, 'b', 2), (3, 'c', 3)");
        Outcome outcome = sql.execute("delete from t where id <> 2 returning v, id");
        assertEquals(2, outcome.count());
        assertEquals(List.of(List.of("a", 1), List.of("c", 3)), outcome.rows());
        assertEquals(List.of(List.of(2, "b", new BigDecimal("2.00"))), sql.stored("t"));
    }

    @Test
    void nothingChangedReturnsNoRows() {
        Outcome outcome = sql.execute("delete from t returning *");
        assertEquals(0, outcome.count());
        assertEquals(List.of(), outcome.rows());
    }

    @Test
    void anErrorInReturningFailsTheStatement() {
        PgException e = assertThrows(PgException.class,
                () -> sql.execute("insert into t values (0, 'a', 1) returning 1 / id"));
        assertEquals(SqlState.DIVISION_BY_ZERO, e.sqlState());
        assertEquals(List.of(), sql.stored("t"));
    }
}
