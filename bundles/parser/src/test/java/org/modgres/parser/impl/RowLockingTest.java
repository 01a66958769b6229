package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.modgres.parser.impl.Parsing.error;
import static org.modgres.parser.impl.Parsing.plannable;

import java.util.List;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.StatementKind;

/** SELECT's locking clause, after the query, in the forms PostgreSQL 15 accepts. */
class RowLockingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            select * from jobs for update                                   | FOR UPDATE        | WAIT        | 0
            select * from jobs where id = 1 for no key update nowait        | FOR NO KEY UPDATE | NOWAIT      | 0
            SELECT id FROM jobs ORDER BY id LIMIT 1 FOR SHARE SKIP LOCKED   | FOR SHARE         | SKIP_LOCKED | 0
            select j.id from jobs j for key share of j, k                   | FOR KEY SHARE     | WAIT        | 2
            select 1 for update of nosuch nowait                            | FOR UPDATE        | NOWAIT      | 1
            """)
    void theClauseWrapsTheQuery(String sql, String strength, String wait, int tables) {
        PlannableStatement statement = plannable(sql);
        assertEquals(StatementKind.SELECT, statement.kind());
        SqlCall locking = assertInstanceOf(SqlCall.class, statement.syntaxTree());
        assertEquals("ROW LOCKING", locking.getOperator().getName());
        assertEquals(strength, ((SqlLiteral) locking.operand(1)).getValueAs(String.class));
        assertEquals(wait, ((SqlLiteral) locking.operand(2)).getValueAs(String.class));
        assertEquals(tables, ((SqlNodeList) locking.operand(3)).size());
    }

    @Test
    void theQueryKeepsItsOrderAndLimit() {
        SqlCall locking = (SqlCall) plannable("select id from jobs order by id limit 2 for update").syntaxTree();
        assertEquals(SqlKind.ORDER_BY, locking.operand(0).getKind());
        assertEquals(List.of("k"), ((SqlIdentifier) ((SqlNodeList) ((SqlCall) plannable(
                "select * from jobs for update of k").syntaxTree()).operand(3)).get(0)).names);
    }

    @Test
    void forSystemTimeIsStillATableSnapshotAndNotALock() {
        SqlSelect select = assertInstanceOf(SqlSelect.class,
                plannable("select * from t for system_time as of timestamp '2020-01-01 00:00:00'").syntaxTree());
        assertEquals(SqlKind.SNAPSHOT, select.getFrom().getKind());
    }

    @Test
    void aWrongWordIsASyntaxError() {
        assertEquals(SqlState.SYNTAX_ERROR, error("select * from jobs for update skip rows").sqlState());
        assertEquals(SqlState.SYNTAX_ERROR, error("select * from jobs for lunch").sqlState());
    }
}
