package org.modgres.parser.impl.syntax;

import java.math.BigDecimal;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.modgres.api.error.SqlState;

/**
 * PostgreSQL's GROUPS frames, which Calcite's windows (ROWS or RANGE) cannot say, and the frame
 * {@code n FOLLOWING} alone, which PostgreSQL rejects as ending before it starts. Without an
 * offset, GROUPS frames are RANGE frames; with one, they become ROWS frames whose offsets are
 * raised by {@link #GROUPS_OFFSET_MARK}, which the executor reads back as GROUPS.
 */
public final class WindowFrames {

    /** Far beyond any row count; the executor's window functions use the same number. */
    public static final long GROUPS_OFFSET_MARK = 1L << 52;

    /** The frame mode GROUPS, until {@link #create} turns it into ROWS or RANGE. */
    private static final class GroupsMode extends SqlLiteral {
        GroupsMode(SqlParserPos pos) {
            super(Boolean.TRUE, SqlTypeName.BOOLEAN, pos);
        }
    }

    private WindowFrames() {
    }

    /** Returns the frame mode GROUPS, for {@link #create}. */
    public static SqlLiteral groupsMode(SqlParserPos pos) {
        return new GroupsMode(pos);
    }

    /** Returns a window specification as SqlWindow.create does, with GROUPS frames written as ROWS or RANGE. */
    public static SqlWindow create(SqlIdentifier refName, SqlNodeList partitionList, SqlNodeList orderList,
                                   SqlLiteral mode, SqlNode lowerBound, SqlNode upperBound,
                                   SqlLiteral allowPartial, SqlLiteral exclude, SqlParserPos pos) {
        if (upperBound == null && hasOffset(lowerBound) && lowerBound.getKind() == SqlKind.FOLLOWING) {
            throw new ParserException(SqlState.WINDOWING_ERROR,
                    "frame starting from following row cannot end with current row", lowerBound.getParserPosition());
        }
        SqlLiteral isRows = mode;
        SqlNode lower = lowerBound;
        SqlNode upper = upperBound;
        if (mode instanceof GroupsMode) {
            if (orderList.isEmpty() && refName == null) {
                throw new ParserException(SqlState.WINDOWING_ERROR, "GROUPS mode requires an ORDER BY clause", pos);
            }
            boolean offsets = hasOffset(lower) || hasOffset(upper);
            isRows = SqlLiteral.createBoolean(offsets, mode.getParserPosition());
            if (offsets) {
                lower = marked(lower);
                // a lone start bound ends at the current row, which GROUPS takes with its peers
                upper = upper == null ? null : marked(upper);
            }
        }
        return SqlWindow.create(null, refName, partitionList, orderList, isRows, lower, upper, allowPartial,
                exclude, pos);
    }

    private static boolean hasOffset(SqlNode bound) {
        return bound instanceof SqlCall call && (call.getKind() == SqlKind.PRECEDING
                || call.getKind() == SqlKind.FOLLOWING) && !(call.operand(0) instanceof SqlLiteral symbol
                && symbol.getTypeName() == SqlTypeName.SYMBOL);
    }

    /** A bound with its offset raised by the mark; a negative or unusual offset stays, for ROWS's checks. */
    private static SqlNode marked(SqlNode bound) {
        if (!hasOffset(bound)) {
            return bound;
        }
        SqlCall call = (SqlCall) bound;
        if (!(call.operand(0) instanceof SqlNumericLiteral number) || !number.isExact()) {
            return bound;
        }
        BigDecimal value = number.getValueAs(BigDecimal.class);
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0) {
            return bound;
        }
        SqlNode raised = SqlLiteral.createExactNumeric(value.add(BigDecimal.valueOf(GROUPS_OFFSET_MARK))
                .toBigInteger().toString(), number.getParserPosition());
        return call.getKind() == SqlKind.PRECEDING
                ? SqlWindow.createPreceding(raised, call.getParserPosition())
                : SqlWindow.createFollowing(raised, call.getParserPosition());
    }
}
