package org.modgres.executor.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** The SQLSTATEs PostgreSQL 15 gives for values its functions refuse at execution. */
class PostgresErrorCodesTest {

    private final SqlHarness sql = new SqlHarness();

    private void assertError(SqlState state, String message, String query) {
        PgException e = assertThrows(PgException.class, () -> sql.query(query));
        assertEquals(state, e.sqlState(), e.getMessage());
        assertEquals(message, e.getMessage());
    }

    @Test
    void badValuesGetTheirOwnSqlStates() {
        assertError(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"Z\"", "select '\\xZZ'::bytea");
        assertError(SqlState.INVALID_REGULAR_EXPRESSION, "invalid regular expression: Unclosed group",
                "select 'abc' ~ '('");
        assertError(SqlState.SUBSTRING_ERROR, "negative substring length not allowed",
                "select substring('abc' from 1 for -1)");
        assertError(SqlState.INVALID_ARGUMENT_FOR_NTILE, "argument of ntile must be greater than zero",
                "select ntile(0) over () from (values (1)) v(x)");
    }
}
