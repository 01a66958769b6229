package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.plan.ResultColumn;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

class ExecutorTest {

    private final SqlHarness sql = new SqlHarness();

    @Test
    void isNamedInterpreter() {
        assertEquals("interpreter", sql.executor.name());
    }

    @Test
    void queriesRunAsRowsArePulled() {
        sql.update("create table t (x integer)");
        sql.update("insert into t values (1), (0), (2)");
        // the division by zero of the second row only happens when that row is pulled
        try (RowCursor cursor = sql.run("select 10 / x from t")) {
            assertArrayEquals(new Object[] {10}, cursor.next());
            assertEquals(1, cursor.rowCount());
            PgException e = assertThrows(PgException.class, cursor::next);
            assertEquals(SqlState.DIVISION_BY_ZERO, e.sqlState());
        }
    }

    @Test
    void rowsTakeTheClassesOfThePlansColumns() {
        RelationalPlan planned = sql.relationalPlan("select 1, 2.5, 'x'");
        RelationalPlan plan = new RelationalPlan(planned.kind(), "test", planned.root(),
                List.of(ResultColumn.of("a", ColumnType.of(PgType.INT8)), ResultColumn.of("b", ColumnType.of(PgType.FLOAT8)),
                        ResultColumn.of("c", ColumnType.of(PgType.TEXT))), List.of(), 0);
        assertEquals(List.of(List.of(1L, 2.5, "x")), sql.rows(plan));
    }

    @Test
    void longLoopsCheckForInterrupts() {
        sql.update("create table t (x integer)");
        StringBuilder values = new StringBuilder("insert into t values (0)");
        for (int i = 1; i < 100; i++) {
            values.append(", (").append(i).append(')');
        }
        sql.update(values.toString());
        // 100 x 100 joined pairs
        assertEquals(List.of(List.of(10_000L)), sql.rows("select count(*) from t a, t b"));
        assertTrue(sql.lastContext.interruptChecks >= 2, "checks: " + sql.lastContext.interruptChecks);
    }

    @Test
    void topNSortKeepsTheBestRows() {
        sql.update("create table t (x integer)");
        sql.update("insert into t values (5), (3), (9), (1), (7), (null)");
        assertEquals(List.of(List.of(3), List.of(5)), sql.rows("select x from t order by x limit 2 offset 1"));
        assertEquals(List.of(List.of(9), List.of(7)), sql.rows("select x from t order by x desc nulls last limit 2"));
        assertEquals(List.of(), sql.rows("select x from t order by x limit 0"));
    }

    @Test
    void negativeLimitIsAnError() {
        sql.update("create table t (x integer)");
        PgException e = assertThrows(PgException.class, () -> sql.rows("select x from t limit $1", -1L));
        assertEquals("LIMIT must not be negative", e.getMessage());
    }

    @Test
    void numericsGroupByValueNotScale() {
        sql.update("create table t (n numeric)");
        sql.update("insert into t values (1.0), (1.00), (2)");
        assertEquals(List.of(List.of(new BigDecimal("1.0"), 2L), List.of(new BigDecimal("2"), 1L)),
                sql.rows("select n, count(*) from t group by n order by n"));
    }
}
