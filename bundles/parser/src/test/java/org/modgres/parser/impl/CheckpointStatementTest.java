package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.CheckpointStatement;
import org.modgres.api.sql.Statement;
import org.modgres.api.sql.StatementKind;

class CheckpointStatementTest {

    @Test
    void checkpoint_alone_and_among_other_statements() {
        CheckpointStatement alone = assertInstanceOf(CheckpointStatement.class, Parsing.one("CHECKPOINT"));
        assertEquals(StatementKind.CHECKPOINT, alone.kind());
        List<Statement> several = Parsing.parse("insert into t values (1); checkpoint; select 1");
        assertEquals(3, several.size());
        assertInstanceOf(CheckpointStatement.class, several.get(1));
    }

    @Test
    void checkpoint_takes_no_arguments() {
        PgException bad = assertThrows(PgException.class, () -> Parsing.one("checkpoint now"));
        assertEquals(SqlState.SYNTAX_ERROR, bad.sqlState());
    }
}
