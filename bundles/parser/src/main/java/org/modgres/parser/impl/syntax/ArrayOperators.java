package org.modgres.parser.impl.syntax;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * PostgreSQL's array operators that share no symbol with Calcite's: {@code &&} (overlaps), and
 * the array forms of {@code @>} and {@code <@} (contains, is contained by), whose symbols
 * {@link JsonOperators} parses. Each types itself; the executor tells them apart by name and by
 * their operands being arrays. A quoted literal on one side is read as the other side's array type.
 */
public final class ArrayOperators {

    /** PostgreSQL's "any other operator": below + and -, above comparisons (Calcite wants it even). */
    private static final int PRECEDENCE = 34;

    /** {@code anyarray && anyarray}: whether the arrays have an element in common. */
    public static final SqlOperator OVERLAP = new SqlBinaryOperator("&&", SqlKind.OTHER, PRECEDENCE, true,
            ReturnTypes.BOOLEAN_NULLABLE, null, new ArrayOperands()) {
        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                validator.deriveType(scope, operand);
            }
            return validateOperands(validator, scope, call);
        }
    };

    private ArrayOperators() {
    }

    /** Returns whether {@code @>} or {@code <@} compares arrays, one side maybe a literal or NULL. */
    public static boolean containment(String name, RelDataType left, RelDataType right) {
        return (name.equals("@>") || name.equals("<@")) && arrays(left, right);
    }

    private static boolean arrays(RelDataType left, RelDataType right) {
        boolean leftArray = left.getSqlTypeName() == SqlTypeName.ARRAY;
        boolean rightArray = right.getSqlTypeName() == SqlTypeName.ARRAY;
        return leftArray && (rightArray || untyped(right)) || rightArray && untyped(left);
    }

    private static boolean untyped(RelDataType type) {
        return SqlTypeUtil.isCharacter(type) || type.getSqlTypeName() == SqlTypeName.NULL;
    }

    private static final class ArrayOperands implements SqlOperandTypeChecker {

        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            if (arrays(binding.getOperandType(0), binding.getOperandType(1))) {
                return true;
            }
            if (throwOnFailure) {
                throw binding.newValidationSignatureError();
            }
            return false;
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.of(2);
        }

        @Override
        public String getAllowedSignatures(SqlOperator op, String opName) {
            return "<ARRAY> " + opName + " <ARRAY>";
        }
    }
}
