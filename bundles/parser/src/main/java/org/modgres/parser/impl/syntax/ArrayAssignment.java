package org.modgres.parser.impl.syntax;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * UPDATE's {@code SET column[subscript] = value}, which becomes {@code SET column =
 * column [subscript] := value}: a call of {@link #ASSIGN} on the old array, the subscript and the
 * new element, typed as the array. The executor implements it by the name {@value #NAME}, as
 * PostgreSQL does for one-dimensional arrays (a subscript past the end extends the array with
 * NULLs). Several assignments to elements of one column apply in order.
 */
public final class ArrayAssignment {

    /** The operator's name, by which the executor recognises it. */
    public static final String NAME = "[]:=";

    public static final SqlOperator ASSIGN = new SqlFunction(NAME, SqlKind.OTHER_FUNCTION,
            ReturnTypes.ARG0, null,
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.INTEGER, SqlTypeFamily.ANY),
            SqlFunctionCategory.SYSTEM) {

        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                validator.deriveType(scope, operand);
            }
            return validateOperands(validator, scope, call);
        }
    };

    private ArrayAssignment() {
    }

    /**
     * Adds one assignment of UPDATE's SET list: {@code column = value} when {@code subscript}
     * is null, else {@code column[subscript] = value}.
     */
    public static void add(SqlNodeList targets, SqlNodeList sources, SqlIdentifier column, SqlNode subscript,
                           SqlNode value) {
        if (subscript == null) {
            targets.add(column);
            sources.add(value);
            return;
        }
        SqlParserPos pos = column.getParserPosition().plus(value.getParserPosition());
        for (int i = 0; i < targets.size(); i++) {
            if (column.equalsDeep(targets.get(i), org.apache.calcite.util.Litmus.IGNORE)
                    && sources.get(i) instanceof SqlCall earlier && earlier.getOperator() == ASSIGN) {
                sources.set(i, ASSIGN.createCall(pos, earlier, subscript, value));
                return;
            }
        }
        targets.add(column);
        sources.add(ASSIGN.createCall(pos, column.clone(column.getParserPosition()), subscript, value));
    }
}
