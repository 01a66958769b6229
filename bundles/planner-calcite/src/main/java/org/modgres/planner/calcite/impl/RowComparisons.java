package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Comparisons of two row constructors of the same width, as PostgreSQL makes them: field by field
 * from the left, the first pair that is not equal (or is NULL) deciding. {@code (a, b) < (c, d)}
 * becomes {@code a < c OR (a = c AND b < d)}, whose three-valued result is the same: a NULL in the
 * deciding pair makes it NULL, a decided pair before a NULL does not.
 */
final class RowComparisons {

    private static final Set<SqlKind> COMPARISONS = Set.of(SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
            SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.EQUALS, SqlKind.NOT_EQUALS);

    private RowComparisons() {
    }

    static boolean isRowComparison(RexCall call) {
        if (!COMPARISONS.contains(call.getKind()) || call.getOperands().size() != 2) {
            return false;
        }
        RexCall left = row(call.getOperands().get(0));
        RexCall right = row(call.getOperands().get(1));
        return left != null && right != null && left.getOperands().size() == right.getOperands().size();
    }

    /** The row constructor an operand is, also under the casts the validator puts on a row of literals. */
    private static RexCall row(RexNode operand) {
        while (operand.getKind() == SqlKind.CAST) {
            operand = ((RexCall) operand).getOperands().getFirst();
        }
        return operand.getKind() == SqlKind.ROW ? (RexCall) operand : null;
    }

    /** The fields of a row operand, each cast to its field's type when the row was cast. */
    private static List<RexNode> fields(RexBuilder rexBuilder, RexNode operand) {
        RexCall row = row(operand);
        if (operand == row) {
            return row.getOperands();
        }
        List<RexNode> fields = new ArrayList<>();
        for (int i = 0; i < row.getOperands().size(); i++) {
            fields.add(rexBuilder.makeCast(operand.getType().getFieldList().get(i).getType(), row.getOperands().get(i)));
        }
        return fields;
    }

    static RexNode expand(RexBuilder rexBuilder, RexCall call) {
        List<RexNode> left = fields(rexBuilder, call.getOperands().get(0));
        List<RexNode> right = fields(rexBuilder, call.getOperands().get(1));
        int width = left.size();
        SqlKind kind = call.getKind();
        if (kind == SqlKind.EQUALS || kind == SqlKind.NOT_EQUALS) {
            List<RexNode> pairs = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                pairs.add(rexBuilder.makeCall(call.getOperator(), left.get(i), right.get(i)));
            }
            return kind == SqlKind.EQUALS ? rexBuilder.makeCall(SqlStdOperatorTable.AND, pairs)
                    : rexBuilder.makeCall(SqlStdOperatorTable.OR, pairs);
        }
        SqlOperator strict = kind == SqlKind.LESS_THAN || kind == SqlKind.LESS_THAN_OR_EQUAL
                ? SqlStdOperatorTable.LESS_THAN : SqlStdOperatorTable.GREATER_THAN;
        List<RexNode> alternatives = new ArrayList<>();
        List<RexNode> equalBefore = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            // the last pair decides with the comparison itself: <= holds when every pair is equal
            SqlOperator deciding = i == width - 1 ? call.getOperator() : strict;
            List<RexNode> terms = new ArrayList<>(equalBefore);
            terms.add(rexBuilder.makeCall(deciding, left.get(i), right.get(i)));
            alternatives.add(terms.size() == 1 ? terms.getFirst() : rexBuilder.makeCall(SqlStdOperatorTable.AND, terms));
            equalBefore.add(rexBuilder.makeCall(SqlStdOperatorTable.EQUALS, left.get(i), right.get(i)));
        }
        return alternatives.size() == 1 ? alternatives.getFirst()
                : rexBuilder.makeCall(SqlStdOperatorTable.OR, alternatives);
    }
}
