package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** generate_series over timestamps and WITH ORDINALITY, with results PostgreSQL 15 gives. */
class SetReturningFunctionsTest {

    private final SqlHarness sql = new SqlHarness();

    @Test
    void timestampSeriesStepByTheCalendar() {
        assertEquals(List.of(List.of(LocalDateTime.parse("2024-01-31T10:00")),
                        List.of(LocalDateTime.parse("2024-02-29T10:00")),
                        List.of(LocalDateTime.parse("2024-03-29T10:00"))),
                sql.rows("select * from generate_series(cast('2024-01-31 10:00' as timestamp), '2024-03-31', "
                        + "interval '1 month')"));
        assertEquals(List.of(List.of(0L)), sql.rows("select count(*) from generate_series(cast('2024-01-02' as "
                + "timestamp), cast('2024-01-01' as timestamp), interval '1 hour')"));
        PgException e = assertThrows(PgException.class, () -> sql.rows("select * from generate_series("
                + "cast('2024-01-01' as timestamp), '2024-01-02', '0 days')"));
        assertEquals(SqlState.INVALID_PARAMETER_VALUE, e.sqlState());
    }

    @Test
    void withOrdinalityNumbersTheRowsOfASetReturningFunction() {
        assertEquals(List.of(List.of(10, 1L), List.of(20, 2L), List.of(30, 3L)),
                sql.rows("select x, n from generate_series(10, 30, 10) with ordinality as t(x, n) order by n"));
        sql.update("create table holder (id integer, j jsonb)");
        sql.update("insert into holder values (1, '[\"a\", \"b\"]'), (2, '[\"c\"]')");
        assertEquals(List.of(List.of(1, "a", 1L), List.of(1, "b", 2L), List.of(2, "c", 1L)),
                sql.rows("select id, e, i from holder, jsonb_array_elements_text(j) with ordinality as u(e, i) "
                        + "order by id, i"));
    }
}
