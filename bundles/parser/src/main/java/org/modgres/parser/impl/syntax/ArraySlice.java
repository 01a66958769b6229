package org.modgres.parser.impl.syntax;

import java.util.List;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * PostgreSQL's array slices, {@code a[lower:upper]}, {@code a[:upper]}, {@code a[lower:]}: a call
 * of {@link #SLICE} on the array and both bounds, which the planner types as the array and the
 * executor implements by the name {@value #NAME}. Modgres arrays always start at subscript 1 and
 * PostgreSQL clamps the bounds to the array, so an omitted lower bound is 1 and an omitted upper
 * bound the largest integer.
 */
public final class ArraySlice {

    /** The operator's name, by which the planner and the executor recognise it. */
    public static final String NAME = "[:]";

    /** Binds as tightly as a subscript, which it is in PostgreSQL's grammar. */
    private static final int PRECEDENCE = 100;

    /** {@code anyarray[int:int]}: the elements from lower to upper, both included. */
    public static final SqlSpecialOperator SLICE = new SqlSpecialOperator(NAME, SqlKind.OTHER, PRECEDENCE, true,
            ReturnTypes.ARG0_NULLABLE, null,
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER)) {

        @Override
        public ReduceResult reduceExpr(int ordinal, TokenSequence list) {
            SqlNode array = list.node(ordinal - 1);
            SqlNodeList bounds = (SqlNodeList) list.node(ordinal + 1);
            SqlParserPos pos = SqlParserPos.sum(new SqlNode[] {array, bounds});
            return new ReduceResult(ordinal - 1, ordinal + 2, createCall(pos, array, bounds.get(0), bounds.get(1)));
        }

        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                validator.deriveType(scope, operand);
            }
            return validateOperands(validator, scope, call);
        }

        @Override
        public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
            call.operand(0).unparse(writer, leftPrec, getLeftPrec());
            SqlWriter.Frame frame = writer.startList("[", "]");
            call.operand(1).unparse(writer, 0, 0);
            writer.sep(":");
            call.operand(2).unparse(writer, 0, 0);
            writer.endList(frame);
        }
    };

    private ArraySlice() {
    }

    /**
     * Returns the bounds of a slice as the one node the parser's operator list takes after
     * {@link #SLICE}; {@code null} for a bound left out.
     */
    public static SqlNodeList bounds(SqlNode lower, SqlNode upper, SqlParserPos pos) {
        SqlNode from = lower != null ? lower : SqlLiteral.createExactNumeric("1", pos);
        SqlNode to = upper != null ? upper : SqlLiteral.createExactNumeric(Integer.toString(Integer.MAX_VALUE), pos);
        return new SqlNodeList(List.of(from, to), pos);
    }
}
