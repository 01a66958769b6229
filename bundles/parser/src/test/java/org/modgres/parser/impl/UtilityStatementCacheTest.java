package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.sql.Statement;
import org.modgres.api.sql.StatementKind;

class UtilityStatementCacheTest {

    private final PostgresSqlParser parser = new PostgresSqlParser();

    @Test
    void a_repeated_transaction_statement_is_parsed_once() {
        List<Statement> first = parser.parse("BEGIN");
        List<Statement> second = parser.parse("BEGIN");
        assertSame(second, parser.parse("BEGIN"));
        assertEquals(first, second);
        assertEquals(StatementKind.BEGIN, second.get(0).kind());
        parser.parse("set search_path = public");
        assertSame(parser.parse("set search_path = public"), parser.parse("set search_path = public"));
        assertEquals(StatementKind.COMMIT, parser.parse("begin; commit").get(1).kind());
    }

    @Test
    void queries_are_parsed_anew_because_the_planner_rewrites_their_trees() {
        assertNotSame(parser.parse("select 1").get(0), parser.parse("select 1").get(0));
        assertNotSame(parser.parse("begin; select 1"), parser.parse("begin; select 1"));
    }

    @Test
    void a_cached_list_cannot_be_changed_by_a_caller() {
        List<Statement> parsed = parser.parse("commit");
        List<Statement> cached = parser.parse("commit");
        assertThrows(UnsupportedOperationException.class, () -> cached.clear());
        assertEquals(1, parsed.size());
    }

    @Test
    void errors_are_not_remembered() {
        assertThrows(PgException.class, () -> parser.parse("begin isolation level nonsense"));
        assertThrows(PgException.class, () -> parser.parse("begin isolation level nonsense"));
    }
}
