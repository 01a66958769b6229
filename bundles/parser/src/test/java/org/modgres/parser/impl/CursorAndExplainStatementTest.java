package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.CursorStatement;
import org.modgres.api.sql.ExplainStatement;
import org.modgres.api.sql.StatementKind;

/** DECLARE, FETCH, MOVE, CLOSE and EXPLAIN, read by their hand-written recognisers. */
class CursorAndExplainStatementTest {

    @Test
    void declare_as_psycopg2_sends_it() {
        CursorStatement.Declare declare = assertInstanceOf(CursorStatement.Declare.class, Parsing.one(
                "DECLARE \"big_cur\" CURSOR WITHOUT HOLD FOR select aid from pgbench_accounts order by aid"));
        assertEquals("big_cur", declare.name());
        assertFalse(declare.hold());
        assertEquals(StatementKind.SELECT, declare.query().kind());
        assertEquals("DECLARE CURSOR", declare.kind().commandTag(0));
    }

    @Test
    void declare_with_hold_and_scroll_options() {
        CursorStatement.Declare declare = assertInstanceOf(CursorStatement.Declare.class,
                Parsing.one("declare C insensitive no scroll cursor with hold for values (1), (2);"));
        assertEquals("c", declare.name());
        assertTrue(declare.hold());
        PgException notQuery = assertThrows(PgException.class,
                () -> Parsing.one("declare c cursor for delete from t"));
        assertEquals(SqlState.SYNTAX_ERROR, notQuery.sqlState());
        PgException binary = assertThrows(PgException.class, () -> Parsing.one("declare c binary cursor for select 1"));
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, binary.sqlState());
    }

    @Test
    void fetch_and_move_directions() {
        assertEquals(new CursorStatement.Fetch("FETCH FORWARD 300 FROM \"big_cur\"", "big_cur", 300, false),
                Parsing.one("FETCH FORWARD 300 FROM \"big_cur\""));
        assertEquals(1, ((CursorStatement.Fetch) Parsing.one("fetch c")).count());
        assertEquals(1, ((CursorStatement.Fetch) Parsing.one("fetch next in c")).count());
        assertEquals(Long.MAX_VALUE, ((CursorStatement.Fetch) Parsing.one("fetch all from c")).count());
        assertEquals(Long.MAX_VALUE, ((CursorStatement.Fetch) Parsing.one("fetch forward all c;")).count());
        CursorStatement.Fetch move = (CursorStatement.Fetch) Parsing.one("move 5 from c");
        assertTrue(move.move());
        assertEquals(StatementKind.MOVE, move.kind());
        for (String backward : new String[] {"fetch backward 1 from c", "fetch prior c", "fetch -2 from c"}) {
            PgException e = assertThrows(PgException.class, () -> Parsing.one(backward), backward);
            assertEquals(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, e.sqlState());
            assertEquals("cursor can only scan forward", e.getMessage());
        }
    }

    @Test
    void close_one_or_all() {
        assertEquals("c", ((CursorStatement.Close) Parsing.one("close c")).name());
        assertNull(((CursorStatement.Close) Parsing.one("CLOSE ALL")).name());
        assertEquals("CLOSE CURSOR", Parsing.one("close c").kind().commandTag(0));
    }

    @Test
    void explain_with_both_option_syntaxes() {
        ExplainStatement plain = assertInstanceOf(ExplainStatement.class, Parsing.one("explain select 1"));
        assertFalse(plain.analyze());
        ExplainStatement analyze = (ExplainStatement) Parsing.one("EXPLAIN ANALYZE VERBOSE update t set a = 1");
        assertTrue(analyze.analyze() && analyze.verbose());
        assertEquals(StatementKind.UPDATE, analyze.explained().kind());
        ExplainStatement options = (ExplainStatement) Parsing.one("explain (analyze, costs off, format text) select 1");
        assertTrue(options.analyze());
        PgException unknown = assertThrows(PgException.class, () -> Parsing.one("explain (nonsense) select 1"));
        assertEquals("unrecognized EXPLAIN option \"nonsense\"", unknown.getMessage());
        PgException position = assertThrows(PgException.class, () -> Parsing.one("explain selec 1"));
        assertEquals(SqlState.SYNTAX_ERROR, position.sqlState());
        assertEquals(9, position.position(), "the position counts from the start of the EXPLAIN");
    }
}
