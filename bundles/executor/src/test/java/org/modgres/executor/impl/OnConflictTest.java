package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.executor.impl.SqlHarness.Outcome;

class OnConflictTest {

    private final SqlHarness sql = new SqlHarness();

    @BeforeEach
    void tables() {
        sql.update("create table t (id integer primary key, v text, hits integer)");
        sql.update("insert into t values (1, 'a', 1), (2, 'b', 1)");
    }

    @Test
    void doNothingSkipsTakenKeys() {
        assertEquals(1, sql.update("insert into t values (2, 'x', 0), (3, 'c', 0) on conflict do nothing"));
        assertEquals(1, sql.update("insert into t values (3, 'x', 0), (4, 'd', 0) on conflict (id) do nothing"));
        assertEquals(List.of("a", "b", "c", "d"), sql.stored("t").stream().map(r -> r.get(1)).toList());
    }

    @Test
    void doNothingSkipsDuplicatesOfTheSameStatement() {
        assertEquals(1, sql.update("insert into t values (5, 'x', 0), (5, 'y', 0) on conflict do nothing"));
        assertEquals("x", sql.stored("t").get(2).get(1));
    }

    @Test
    void doUpdateChangesTheExistingRowWithExcluded() {
        assertEquals(2, sql.update("insert into t values (2, 'B', 5), (3, 'c', 1) on conflict (id) "
                + "do update set v = excluded.v || t.v, hits = hits + excluded.hits"));
        assertEquals(List.of(List.of(1, "a", 1), List.of(2, "Bb", 6), List.of(3, "c", 1)), sql.stored("t"));
    }

    @Test
    void doUpdateWhereLeavesRejectedRowsAndDoesNotCountThem() {
        assertEquals(1, sql.update("insert into t values (1, 'x', 1), (2, 'y', 1) on conflict (id) "
                + "do update set v = excluded.v where t.id = 2"));
        assertEquals(List.of("a", "y"), sql.stored("t").stream().map(r -> r.get(1)).toList());
    }

    @Test
    void doUpdateReturnsInsertedAndUpdatedRows() {
        Outcome outcome = sql.execute("insert into t (id, v) values (1, 'new'), (9, 'nine') on conflict (id) "
                + "do update set hits = t.hits + 1 returning id, v, hits");
        assertEquals(2, outcome.count());
        assertEquals(List.of(List.of(1, "a", 2), Arrays.asList(9, "nine", null)), outcome.rows());
    }

    @Test
    void doUpdateCannotAffectARowTwice() {
        PgException e = assertThrows(PgException.class, () -> sql.update(
                "insert into t values (7, 'x', 0), (7, 'y', 0) on conflict (id) do update set v = excluded.v"));
        assertEquals(SqlState.CARDINALITY_VIOLATION, e.sqlState());
        assertEquals("ON CONFLICT DO UPDATE command cannot affect row a second time", e.getMessage());
        assertEquals(2, sql.stored("t").size());
    }

    @Test
    void doUpdateMayMoveTheKey() {
        assertEquals(1, sql.update("insert into t values (1, 'x', 0) on conflict (id) do update set id = 10"));
        assertEquals(List.of(2, 10), sql.stored("t").stream().map(r -> r.get(0)).sorted().toList());
    }

    @Test
    void assignmentsFollowTheColumnTypes() {
        sql.update("create table d (k integer primary key, since date)");
        sql.update("insert into d values (1, '2024-01-01')");
        sql.update("insert into d values (1, '2024-02-02') on conflict (k) do update set since = '2025-03-03'");
        assertEquals("2025-03-03", sql.stored("d").getFirst().get(1).toString());
    }
}
