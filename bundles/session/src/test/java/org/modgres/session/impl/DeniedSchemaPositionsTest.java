package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.StatementKind;

/** The positions PostgreSQL 15 reports with {@code permission denied for schema}, 1-based as in the protocol. */
class DeniedSchemaPositionsTest {

    private static int position(StatementKind kind, String sql) {
        return DeniedSchemaPositions.located(new PgException(SqlState.INSUFFICIENT_PRIVILEGE,
                "permission denied for schema locked"), kind, sql).position();
    }

    @Test
    void points_at_the_first_name_in_the_schema_as_postgres_does() {
        assertEquals(15, position(StatementKind.SELECT, "SELECT * FROM locked.t;"));
        assertEquals(18, position(StatementKind.SELECT, "SELECT 1, a FROM locked.t WHERE a > 0;"));
        assertEquals(13, position(StatementKind.INSERT, "INSERT INTO locked.t VALUES (1);"));
        assertEquals(8, position(StatementKind.UPDATE, "UPDATE \"locked\" . t SET a = 2;"));
        assertEquals(16, position(StatementKind.SELECT, "SELECT nextval('locked.s');"));
        assertEquals(14, position(StatementKind.CREATE_TABLE, "CREATE TABLE locked.n (a int);"));
        assertEquals(45, position(StatementKind.SELECT, "SELECT locked /* locked.x */, 'locked' FROM Locked.t"));
    }

    @Test
    void utility_statements_and_other_errors_have_none() {
        assertEquals(0, position(StatementKind.TRUNCATE, "TRUNCATE locked.t"));
        assertEquals(0, position(StatementKind.SELECT, "SELECT * FROM other.t"));
        PgException other = new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for table t");
        assertEquals(0, DeniedSchemaPositions.located(other, StatementKind.SELECT, "SELECT * FROM t").position());
    }
}
