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

class DmlTest {

    private final SqlHarness sql = new SqlHarness();

    @BeforeEach
    void tables() {
        sql.update("create table t (id integer primary key, v varchar(3), n numeric(5, 2), b bigint, c char(4))");
    }

    private List<List<Object>> stored() {
        return sql.stored("t");
    }

    @Test
    void insertCoercesToColumnTypes() {
        assertEquals(2, sql.update("insert into t values (1, 'ab', 1.235, 5, 'x'), (2, null, 7, 6, null)"));
        assertEquals(List.of(List.of(1, "ab", new BigDecimal("1.24"), 5L, "x   "),
                Arrays.asList(2, null, new BigDecimal("7.00"), 6L, null)), stored());
    }

    @Test
    void insertWithColumnListAndParameters() {
        assertEquals(1, sql.update("insert into t (id, b) values ($1, $2)", 7, 8));
        assertEquals(List.of(Arrays.asList(7, null, null, 8L, null)), stored());
    }

    @Test
    void insertTooLongStringFails() {
        PgException e = assertThrows(PgException.class, () -> sql.update("insert into t (id, v) values (1, 'abcd')"));
        assertEquals(SqlState.STRING_DATA_RIGHT_TRUNCATION, e.sqlState());
        assertEquals("value too long for type character varying(3)", e.getMessage());
        // trailing spaces beyond the length are cut silently, as PostgreSQL does
        sql.update("insert into t (id, v) values (2, 'ab    ')");
        assertEquals("ab ", stored().get(0).get(1));
    }

    @Test
    void insertNumericOverflowFails() {
        PgException e = assertThrows(PgException.class, () -> sql.update("insert into t (id, n) values (1, 1234.5)"));
        assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, e.sqlState());
        assertEquals("numeric field overflow", e.getMessage());
    }

    @Test
    void storageChecksAreReported() {
        sql.update("insert into t (id) values (1)");
        PgException e = assertThrows(PgException.class, () -> sql.update("insert into t (id) values (1)"));
        assertEquals(SqlState.UNIQUE_VIOLATION, e.sqlState());
    }

    @Test
    void insertSelectFromTheSameTableEnds() {
        sql.update("insert into t (id, b) values (1, 10), (2, 20)");
        assertEquals(2, sql.update("insert into t (id, b) select id + 10, b * 2 from t"));
        assertEquals(List.of(1, 2, 11, 12), stored().stream().map(r -> r.get(0)).toList());
        assertEquals(40L, stored().get(3).get(3));
    }

    @Test
    void updateChangesMatchingRows() {
        sql.update("insert into t (id, v, n, b) values (1, 'a', 1, 10), (2, 'b', 2, 20), (3, 'c', 3, 30)");
        assertEquals(2, sql.update("update t set n = n * 1.5, v = 'zz' where b >= 20"));
        assertEquals(List.of(Arrays.asList(1, "a", new BigDecimal("1.00"), 10L, null),
                Arrays.asList(2, "zz", new BigDecimal("3.00"), 20L, null),
                Arrays.asList(3, "zz", new BigDecimal("4.50"), 30L, null)), stored());
        assertEquals(0, sql.update("update t set b = 0 where id = 42"));
    }

    @Test
    void updateOfEveryRowSeesOnlyOldValues() {
        sql.update("insert into t (id, b) values (1, 10), (2, 20)");
        assertEquals(2, sql.update("update t set id = id + 10, b = b + id"));
        assertEquals(List.of(List.of(11, 11L), List.of(12, 22L)),
                stored().stream().map(r -> List.of(r.get(0), r.get(3))).toList());
    }

    @Test
    void updateChecksAssignments() {
        sql.update("insert into t (id) values (1)");
        PgException e = assertThrows(PgException.class, () -> sql.update("update t set v = 'long'"));
        assertEquals(SqlState.STRING_DATA_RIGHT_TRUNCATION, e.sqlState());
        e = assertThrows(PgException.class, () -> sql.update("update t set id = 2147483647 + id"));
        assertEquals("integer out of range", e.getMessage());
    }

    @Test
    void deleteRemovesMatchingRows() {
        sql.update("insert into t (id, b) values (1, 10), (2, 20), (3, null)");
        assertEquals(1, sql.update("delete from t where b > 15"));
        assertEquals(List.of(1, 3), stored().stream().map(r -> r.get(0)).toList());
        assertEquals(0, sql.update("delete from t where b = 99"));
        assertEquals(2, sql.update("delete from t"));
        assertEquals(List.of(), stored());
    }

    @Test
    void deleteWithSubquery() {
        sql.update("insert into t (id, b) values (1, 10), (2, 20), (3, 30)");
        assertEquals(2, sql.update("delete from t where id in (select id from t where b > 15)"));
        assertEquals(List.of(1), stored().stream().map(r -> r.get(0)).toList());
    }

    @Test
    void updateWithSubqueryAndParameters() {
        sql.update("insert into t (id, b) values (1, 10), (2, 20), (3, 30)");
        assertEquals(2, sql.update("update t set b = $1 where id in (select id from t where b > $2)", 0, 15));
        assertEquals(List.of(10L, 0L, 0L), stored().stream().map(r -> r.get(3)).toList());
    }

    @Test
    void insertKeepsTheScaleOfUnconstrainedNumerics() {
        sql.update("create table u (n numeric)");
        sql.update("insert into u values (1.50), (2)");
        assertEquals(List.of(new BigDecimal("1.50"), new BigDecimal("2")),
                sql.stored("u").stream().map(r -> r.get(0)).toList());
    }
}
