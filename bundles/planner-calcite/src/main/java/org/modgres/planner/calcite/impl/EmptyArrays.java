package org.modgres.planner.calcite.impl;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;

/**
 * {@code ARRAY[]::int[]}: PostgreSQL types an empty ARRAY constructor by the cast around it; Calcite
 * wants at least one element. The cast of {@code '{}'} to the same type gives the same value.
 */
final class EmptyArrays extends SqlShuttle {

    private final String text;

    private EmptyArrays(String text) {
        this.text = text;
    }

    /**
     * Returns the tree with each cast of an empty ARRAY constructor made a cast of '{}'.
     *
     * @param text the statement's text, for the position of the error of an empty ARRAY without a cast
     */
    static SqlNode rewrite(SqlNode tree, String text) {
        return tree == null ? null : tree.accept(new EmptyArrays(text));
    }

    @Override
    public SqlNode visit(SqlCall call) {
        if (isEmptyArrayCast(call)) {
            call.setOperand(0, SqlLiteral.createCharString("{}", call.operand(0).getParserPosition()));
            return call;
        }
        if (call instanceof SqlSelect select) {
            SqlNodeList items = select.getSelectList();
            for (int i = 0; i < items.size(); i++) {
                if (isEmptyArrayCast(items.get(i))) {
                    // the column keeps the name PostgreSQL gives the constructor
                    SqlParserPos pos = items.get(i).getParserPosition();
                    items.set(i, SqlStdOperatorTable.AS.createCall(pos, items.get(i), new SqlIdentifier("array", pos)));
                }
            }
        }
        if (call.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR && call.operandCount() == 0) {
            SqlParserPos pos = call.getParserPosition();
            throw new PgException(SqlState.INDETERMINATE_DATATYPE, Severity.ERROR,
                    "cannot determine type of empty array", null,
                    "Explicitly cast to the desired type, for example ARRAY[]::integer[].",
                    ValidationErrors.offsetOf(text, pos.getLineNum(), pos.getColumnNum()), null);
        }
        for (int i = 0; i < call.operandCount(); i++) {
            SqlNode operand = call.operand(i);
            if (operand != null) {
                SqlNode visited = operand.accept(this);
                if (visited != operand) {
                    call.setOperand(i, visited);
                }
            }
        }
        return call;
    }

    private static boolean isEmptyArrayCast(SqlNode node) {
        return node instanceof SqlCall call && call.getKind() == SqlKind.CAST && call.operandCount() == 2
                && call.operand(0) instanceof SqlCall array && array.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR
                && array.operandCount() == 0 && call.operand(1) instanceof SqlDataTypeSpec;
    }

    @Override
    public SqlNode visit(SqlNodeList list) {
        for (int i = 0; i < list.size(); i++) {
            SqlNode element = list.get(i);
            if (element != null) {
                list.set(i, element.accept(this));
            }
        }
        return list;
    }
}
