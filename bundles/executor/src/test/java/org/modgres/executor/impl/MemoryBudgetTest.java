package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * A statement that holds more rows than modgres.statement_memory allows fails with 53200, in
 * every operator that holds rows, while the same statement within the budget runs.
 */
class MemoryBudgetTest {

    private static final String BUDGET = "modgres.statement_memory";

    private final SqlHarness sql = new SqlHarness();

    @BeforeEach
    void rows() {
        sql.update("create table wide (id int primary key, label text)");
        sql.update("insert into wide select g, 'label number ' || g from generate_series(1, 20000) g");
        sql.settings.put(BUDGET, "512kB");
    }

    private void assertOutOfMemory(String query) {
        PgException e = assertThrows(PgException.class, () -> sql.rows(query), query);
        assertEquals(SqlState.OUT_OF_MEMORY, e.sqlState(), query);
        assertEquals("out of memory", e.getMessage());
    }

    @Test
    void every_operator_that_holds_rows_stops_at_the_budget() {
        assertOutOfMemory("select * from wide order by label desc");
        assertOutOfMemory("select a.id from wide a join wide b on a.label = b.label");
        assertOutOfMemory("select label, count(*) from wide group by label");
        assertOutOfMemory("select id, row_number() over (order by label) from wide");
        assertOutOfMemory("select label from wide union select label from wide");
        assertOutOfMemory("select label from wide except select 'x'");
        assertOutOfMemory("select array(select label from wide)");
    }

    @Test
    void statements_within_the_budget_and_streaming_ones_run() {
        assertEquals(List.of(List.of(20000L)), sql.rows("select count(*) from wide"), "an aggregate without groups");
        assertEquals(20000, sql.rows("select id, label from wide where id > 0").size(), "a scan holds no rows");
        assertEquals(List.of(List.of(20000, "label number 20000")),
                sql.rows("select * from wide order by id desc limit 1"), "a top-N sort holds N rows");
        sql.settings.put(BUDGET, "64MB");
        assertEquals(20000, sql.rows("select * from wide order by label desc").size());
    }

    @Test
    void the_setting_takes_postgres_memory_units() {
        sql.settings.put(BUDGET, "lots");
        PgException e = assertThrows(PgException.class, () -> sql.rows("select * from wide order by label"));
        assertEquals(SqlState.INVALID_PARAMETER_VALUE, e.sqlState());
        sql.settings.put(BUDGET, "1GB");
        assertEquals(20000, sql.rows("select * from wide order by label").size());
    }
}
