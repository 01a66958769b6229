package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;

/**
 * Calcite's implicit casts, plus PostgreSQL's reading of a string literal compared with an array:
 * {@code polroles = '{0}'} reads the literal as an array of the other side's type, as PostgreSQL
 * gives an untyped literal the type of what it meets.
 */
final class UnknownLiteralCoercion extends TypeCoercionImpl {

    UnknownLiteralCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
        super(typeFactory, validator);
    }

    /**
     * The common type of CASE, COALESCE and set-operation branches, as PostgreSQL resolves it: a
     * string literal (char here) takes the type of the numbers it meets, so {@code COALESCE(1, 'x')}
     * reads 'x' as an integer; a typed string and a number have none (42804), where Calcite would
     * turn the numbers into text.
     */
    @Override
    public RelDataType getWiderTypeFor(List<RelDataType> types, boolean stringPromotion) {
        boolean numeric = types.stream().anyMatch(SqlTypeUtil::isNumeric);
        if (numeric && types.stream().anyMatch(type -> type.getSqlTypeName() == SqlTypeName.VARCHAR)) {
            return null;
        }
        if (numeric && types.stream().anyMatch(type -> type.getSqlTypeName() == SqlTypeName.CHAR)) {
            List<RelDataType> others = types.stream().filter(type -> type.getSqlTypeName() != SqlTypeName.CHAR).toList();
            RelDataType common = factory.leastRestrictive(others);
            return common != null ? common : super.getWiderTypeFor(others, stringPromotion);
        }
        return super.getWiderTypeFor(types, stringPromotion);
    }

    /** CASE and COALESCE read their string literals as the number type they resolve to, if that is one. */
    @Override
    public boolean caseWhenCoercion(SqlCallBinding binding) {
        SqlCase call = (SqlCase) binding.getCall();
        List<SqlNode> results = new ArrayList<>(call.getThenOperands().getList());
        results.add(call.getElseOperand());
        List<RelDataType> types = results.stream().map(node -> validator.deriveType(binding.getScope(), node)).toList();
        RelDataType common = getWiderTypeFor(types, true);
        if (common != null && SqlTypeUtil.isNumeric(common)) {
            for (SqlNode node : results) {
                if (node instanceof SqlCharStringLiteral literal) {
                    UnknownLiteralInput.check(literal, common);
                }
            }
        }
        return super.caseWhenCoercion(binding);
    }

    /**
     * A function that takes numbers refuses a typed string (42883), as PostgreSQL has no implicit
     * cast from text to a number; a string literal is read as a number.
     */
    @Override
    public boolean builtinFunctionCoercion(SqlCallBinding binding, List<RelDataType> operandTypes,
                                           List<SqlTypeFamily> expectedFamilies) {
        for (int i = 0; i < operandTypes.size() && i < expectedFamilies.size(); i++) {
            if (SqlTypeUtil.isCharacter(operandTypes.get(i)) && isNumeric(expectedFamilies.get(i))
                    && !(binding.operand(i) instanceof SqlCharStringLiteral)) {
                return false;
            }
        }
        return super.builtinFunctionCoercion(binding, operandTypes, expectedFamilies);
    }

    private static boolean isNumeric(SqlTypeFamily family) {
        return family == SqlTypeFamily.NUMERIC || family == SqlTypeFamily.INTEGER
                || family == SqlTypeFamily.EXACT_NUMERIC || family == SqlTypeFamily.APPROXIMATE_NUMERIC
                || family == SqlTypeFamily.DECIMAL;
    }

    /** Two string literals leave PostgreSQL no way to choose an arithmetic operator ({@code '1' + '1'}). */
    @Override
    public boolean binaryArithmeticCoercion(SqlCallBinding binding) {
        if (binding.getOperandCount() == 2 && binding.getOperator().getKind().belongsTo(SqlKind.BINARY_ARITHMETIC)
                && binding.operand(0) instanceof SqlCharStringLiteral
                && binding.operand(1) instanceof SqlCharStringLiteral) {
            throw new PgException(SqlState.AMBIGUOUS_FUNCTION, Severity.ERROR,
                    "operator is not unique: unknown " + binding.getOperator().getName() + " unknown", null,
                    "Could not choose a best candidate operator. You might need to add explicit type casts.", 0,
                    null);
        }
        return super.binaryArithmeticCoercion(binding);
    }

    /**
     * A json[] or jsonb[] value stored in a json[] or jsonb[] column gets a cast that names the
     * element type, which Calcite's own would spell VARIANT, also when only the elements'
     * nullability differs: Calcite has no assignment rules for json elements, only equality.
     */
    @Override
    protected boolean coerceOperandType(SqlValidatorScope scope, SqlCall call, int index, RelDataType targetType) {
        if (isJsonArray(targetType)) {
            SqlNode cast = jsonArrayCast(scope, call.operand(index), targetType);
            if (cast != null) {
                call.setOperand(index, cast);
            }
            return cast != null;
        }
        return super.coerceOperandType(scope, call, index, targetType);
    }

    @Override
    protected boolean coerceColumnType(SqlValidatorScope scope, SqlNodeList nodeList, int index,
                                       RelDataType targetType) {
        if (isJsonArray(targetType) && index < nodeList.size()) {
            SqlNode node = nodeList.get(index);
            boolean aliased = node.getKind() == SqlKind.AS;
            SqlNode value = aliased ? ((SqlCall) node).operand(0) : node;
            SqlNode cast = jsonArrayCast(scope, value, targetType);
            if (cast != null) {
                if (aliased) {
                    ((SqlCall) node).setOperand(0, cast);
                } else {
                    nodeList.set(index, cast);
                }
            }
            return cast != null;
        }
        return super.coerceColumnType(scope, nodeList, index, targetType);
    }

    private static boolean isJsonArray(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.ARRAY && JsonTypes.isJson(type.getComponentType());
    }

    /** Returns the cast of a value to a json array type, or null when it needs none or cannot have one. */
    private SqlNode jsonArrayCast(SqlValidatorScope scope, SqlNode value, RelDataType targetType) {
        RelDataType sourceType = validator.deriveType(scope, value);
        if (sourceType == null || !isJsonArray(sourceType) || sourceType.getComponentType().equals(
                targetType.getComponentType())) {
            return null;
        }
        RelDataType castType = factory.createTypeWithNullability(targetType, sourceType.isNullable());
        SqlNode cast = SqlStdOperatorTable.CAST.createCall(SqlParserPos.ZERO, value, TypeMapping.spec(castType));
        updateInferredType(cast, castType);
        return cast;
    }

    /** Casts a string literal operand to a type PostgreSQL's operator resolution gave it. */
    boolean readLiteralAs(SqlCallBinding binding, int literal, RelDataType type) {
        return coerceOperandType(binding.getScope(), binding.getCall(), literal, type);
    }

    @Override
    public boolean binaryComparisonCoercion(SqlCallBinding binding) {
        if (binding.getOperandCount() == 2) {
            for (int literal = 0; literal < 2; literal++) {
                RelDataType other = binding.getOperandType(1 - literal);
                if (binding.operand(literal) instanceof SqlCharStringLiteral && SqlTypeUtil.isArray(other)) {
                    return coerceOperandType(binding.getScope(), binding.getCall(), literal, other);
                }
            }
        }
        return super.binaryComparisonCoercion(binding);
    }
}
