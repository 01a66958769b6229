package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.IndexStatement;
import org.modgres.api.sql.Statement;
import org.modgres.api.sql.StatementKind;

/** CREATE INDEX and DROP INDEX, alone and among other statements. */
class IndexStatementTest {

    private final PostgresSqlParser parser = new PostgresSqlParser();

    @Test
    void create_index_with_the_options_that_change_nothing() {
        IndexStatement.Create create = assertInstanceOf(IndexStatement.Create.class, Parsing.one(
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"Idx\" ON ONLY s.t USING btree"
                        + " (a DESC NULLS LAST, \"B\" COLLATE \"C\" ASC) INCLUDE (c) WITH (fillfactor = 70)"
                        + " TABLESPACE pg_default"));
        assertTrue(create.unique());
        assertTrue(create.ifNotExists());
        assertEquals("Idx", create.name());
        assertEquals(List.of("s", "t"), create.table());
        assertEquals(List.of("a", "B"), create.columns());
        assertEquals(StatementKind.CREATE_INDEX, create.kind());
        assertEquals("CREATE INDEX", create.kind().commandTag(0));
    }

    @Test
    void create_index_without_a_name_and_drop_index_in_a_script() {
        List<Statement> statements = parser.parse(
                "create table t (a int); create index on t (a); drop index if exists t_a_idx, x; select 1");
        assertEquals(4, statements.size());
        IndexStatement.Create create = assertInstanceOf(IndexStatement.Create.class, statements.get(1));
        assertNull(create.name());
        assertFalse(create.unique());
        assertEquals("create index on t (a)", create.text());
        IndexStatement.Drop drop = assertInstanceOf(IndexStatement.Drop.class, statements.get(2));
        assertTrue(drop.ifExists());
        assertEquals(List.of(List.of("t_a_idx"), List.of("x")), drop.names());
        assertEquals(StatementKind.SELECT, statements.get(3).kind());
    }

    @Test
    void what_modgres_cannot_index_is_refused_as_not_supported() {
        assertEquals("index expressions are not supported yet", refused("create index on t (lower(b))"));
        assertEquals("index expressions are not supported yet", refused("create index on t ((a + 1))"));
        assertEquals("partial indexes (CREATE INDEX ... WHERE) are not supported yet",
                refused("create index on t (a) where a > 0"));
        assertEquals("access method \"gin\" is not supported yet", refused("create index on t using gin (a)"));
        PgException syntax = assertThrows(PgException.class, () -> parser.parse("create index on t a"));
        assertEquals(SqlState.SYNTAX_ERROR, syntax.sqlState());
    }

    private String refused(String sql) {
        PgException e = assertThrows(PgException.class, () -> parser.parse(sql));
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, e.sqlState(), sql);
        return e.getMessage();
    }
}
