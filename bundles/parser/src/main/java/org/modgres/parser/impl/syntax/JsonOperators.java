package org.modgres.parser.impl.syntax;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.modgres.api.error.SqlState;

/**
 * PostgreSQL's json and jsonb operators. Each one types itself (a planner need not list them in
 * its operator table): its left operand is json or jsonb (the types {@link JsonTypeName}
 * derives), {@code ->}, {@code #>} and {@code #-} return the left operand's type,
 * {@code ->>} and {@code #>>} text, the others boolean. The executor tells them apart by name.
 * Precedence 34 is PostgreSQL's "any other operator": below + and -, above comparisons.
 */
public final class JsonOperators {

    private static final int PRECEDENCE = 34;

    private static final SqlReturnTypeInference SAME_AS_LEFT = ReturnTypes.ARG0.andThen(SqlTypeTransforms.FORCE_NULLABLE);
    private static final SqlReturnTypeInference TEXT = ReturnTypes.explicit(SqlTypeName.VARCHAR)
            .andThen(SqlTypeTransforms.FORCE_NULLABLE);
    private static final SqlReturnTypeInference BOOLEAN = ReturnTypes.BOOLEAN_NULLABLE;

    /** {@code json -> int|text}: an element or a member's value. */
    public static final SqlOperator GET = new JsonOperator("->", SAME_AS_LEFT, Right.KEY_OR_INDEX, false);
    /** {@code json ->> int|text}: the same as text. */
    public static final SqlOperator GET_TEXT = new JsonOperator("->>", TEXT, Right.KEY_OR_INDEX, false);
    /** {@code json #> text[]}: the value at a path. */
    public static final SqlOperator GET_PATH = new JsonOperator("#>", SAME_AS_LEFT, Right.TEXT_ARRAY, false);
    /** {@code json #>> text[]}: the same as text. */
    public static final SqlOperator GET_PATH_TEXT = new JsonOperator("#>>", TEXT, Right.TEXT_ARRAY, false);
    /** {@code jsonb #- text[]}: without the value at a path. */
    public static final SqlOperator DELETE_PATH = new JsonOperator("#-", SAME_AS_LEFT, Right.TEXT_ARRAY, true);
    /** {@code jsonb @> jsonb}: contains. */
    public static final SqlOperator CONTAINS = new JsonOperator("@>", BOOLEAN, Right.JSONB, true);
    /** {@code jsonb <@ jsonb}: is contained in. */
    public static final SqlOperator CONTAINED = new JsonOperator("<@", BOOLEAN, Right.JSONB, true);
    /** {@code jsonb ? text}: has a key (or a string element). */
    public static final SqlOperator HAS_KEY = new JsonOperator("?", BOOLEAN, Right.KEY, true);
    /** {@code jsonb ?| text[]}: has any of the keys. */
    public static final SqlOperator HAS_ANY_KEY = new JsonOperator("?|", BOOLEAN, Right.TEXT_ARRAY, true);
    /** {@code jsonb ?& text[]}: has all of the keys. */
    public static final SqlOperator HAS_ALL_KEYS = new JsonOperator("?&", BOOLEAN, Right.TEXT_ARRAY, true);

    private JsonOperators() {
    }

    /**
     * Returns {@code ?} for the token the token manager makes of a lone question mark; the same
     * token stands for words starting with "$", which are no operator.
     */
    public static SqlOperator hasKey(String image, SqlParserPos pos) {
        if (!"?".equals(image)) {
            throw new ParserException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + image + "\"", pos);
        }
        return HAS_KEY;
    }

    /** What the right operand of an operator may be; a quoted literal is read as that at run time. */
    private enum Right {
        KEY_OR_INDEX, KEY, TEXT_ARRAY, JSONB;

        boolean accepts(RelDataType type) {
            SqlTypeName name = type.getSqlTypeName();
            if (SqlTypeUtil.isCharacter(type) || name == SqlTypeName.NULL) {
                return true;
            }
            return switch (this) {
                case KEY_OR_INDEX -> SqlTypeUtil.isIntType(type);
                case KEY -> false;
                case TEXT_ARRAY -> name == SqlTypeName.ARRAY;
                case JSONB -> JsonTypeName.isJsonb(type);
            };
        }
    }

    private static final class JsonOperator extends SqlBinaryOperator {

        JsonOperator(String name, SqlReturnTypeInference returnType, Right right, boolean jsonbOnly) {
            super(name, SqlKind.OTHER, PRECEDENCE, true, returnType, null, new OperandCheck(name, right, jsonbOnly));
        }

        /** Types the call itself instead of looking its name up in the validator's operator table. */
        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                validator.deriveType(scope, operand);
            }
            return validateOperands(validator, scope, call);
        }
    }

    private record OperandCheck(String name, Right right, boolean jsonbOnly) implements SqlOperandTypeChecker {

        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            RelDataType left = binding.getOperandType(0);
            RelDataType rightType = binding.getOperandType(1);
            if (ArrayOperators.containment(name, left, rightType)) {
                return true;
            }
            boolean leftOk = jsonbOnly ? JsonTypeName.isJsonb(left) : JsonTypeName.isJson(left) || JsonTypeName.isJsonb(left);
            if (leftOk && right.accepts(rightType)) {
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
            return "<JSON> " + opName + " <ANY>";
        }
    }
}
