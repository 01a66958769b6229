package org.modgres.parser.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modgres.parser.impl.Parsing.error;
import static org.modgres.parser.impl.Parsing.tree;

import java.math.BigDecimal;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.SqlState;
import org.modgres.parser.impl.syntax.WindowFrames;

/** GROUPS frames, written as ROWS or RANGE for Calcite, and the frames PostgreSQL's grammar rejects. */
class WindowFrameSyntaxTest {

    private static SqlWindow window(String sql) {
        SqlCall over = assertInstanceOf(SqlCall.class, tree(SqlSelect.class, sql).getSelectList().get(0));
        assertEquals(SqlKind.OVER, over.getKind());
        return assertInstanceOf(SqlWindow.class, over.operand(1));
    }

    private static long offset(SqlNode bound) {
        SqlCall call = assertInstanceOf(SqlCall.class, bound);
        return assertInstanceOf(SqlNumericLiteral.class, call.operand(0)).getValueAs(BigDecimal.class).longValueExact();
    }

    @Test
    void groupsWithOffsetsAreRowsWithMarkedOffsets() {
        SqlWindow window = window("select sum(x) over (order by x groups between 1 preceding and 2 following) from t");
        assertTrue(window.isRows());
        assertEquals(WindowFrames.GROUPS_OFFSET_MARK + 1, offset(window.getLowerBound()));
        assertEquals(WindowFrames.GROUPS_OFFSET_MARK + 2, offset(window.getUpperBound()));
    }

    @Test
    void groupsWithoutOffsetsIsRange() {
        SqlWindow window = window(
                "select sum(x) over (order by x groups between unbounded preceding and current row) from t");
        assertFalse(window.isRows());
        assertTrue(SqlWindow.isCurrentRow(window.getUpperBound()));
    }

    @Test
    void groupsNeedsAnOrder() {
        assertEquals(SqlState.WINDOWING_ERROR, error("select sum(x) over (groups 1 preceding) from t").sqlState());
        window("select sum(x) over (w groups 1 preceding) from t window w as (order by x)");
    }

    @Test
    void aFrameCannotStartFollowingAndEndAtTheCurrentRow() {
        assertEquals("frame starting from following row cannot end with current row",
                error("select sum(x) over (order by x rows 1 following) from t").getMessage());
    }

    @Test
    void setReturningFunctionsWithOrdinalityAreNumberedInALateralSelect() {
        SqlCall alias = assertInstanceOf(SqlCall.class,
                tree(SqlSelect.class, "select * from generate_series(1, 3) with ordinality as t(x, n)").getFrom());
        SqlCall lateral = alias.operand(0);
        assertEquals(SqlKind.LATERAL, lateral.getKind());
        SqlSelect numbered = assertInstanceOf(SqlSelect.class, lateral.operand(0));
        assertEquals(2, numbered.getSelectList().size());
    }
}
