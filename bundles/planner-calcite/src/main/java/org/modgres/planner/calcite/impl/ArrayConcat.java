package org.modgres.planner.calcite.impl;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * {@code ||} with an array on either side, PostgreSQL's array_cat, array_append and
 * array_prepend: the result is the array's type. Calcite's {@code ||} takes two arrays only.
 */
final class ArrayConcat {

    private ArrayConcat() {
    }

    /** Returns whether either operand of a {@code ||} is an array. */
    static boolean hasArray(SqlOperatorBinding binding) {
        return binding.getOperandCount() == 2
                && (isArray(binding.getOperandType(0)) || isArray(binding.getOperandType(1)));
    }

    /** Returns the type of {@code ||} with an array operand: the array's, NULL only when both sides may be. */
    static RelDataType returnType(SqlOperatorBinding binding) {
        RelDataType left = binding.getOperandType(0);
        RelDataType right = binding.getOperandType(1);
        RelDataType array;
        if (isArray(left) && isArray(right)) {
            RelDataType common = binding.getTypeFactory().leastRestrictive(java.util.List.of(left, right));
            array = common != null ? common : left;
        } else {
            array = isArray(left) ? left : right;
        }
        return binding.getTypeFactory().createTypeWithNullability(array, left.isNullable() && right.isNullable());
    }

    /** Accepts an array on either side, and otherwise whatever the string operator accepts. */
    static SqlOperandTypeChecker operands(SqlOperandTypeChecker strings) {
        return new SqlOperandTypeChecker() {
            @Override
            public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
                if (!hasArray(binding)) {
                    return strings.checkOperandTypes(binding, throwOnFailure);
                }
                if (readsLiteralAsArray(binding) || concatenable(binding)) {
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
                return strings.getAllowedSignatures(op, opName);
            }
        };
    }

    /**
     * Whether PostgreSQL would find an operator: two arrays, or an array and a value of its
     * element's kind (an untyped literal or NULL takes whichever kind is needed), as
     * {@code integer[] || text} has none (42883). Calcite's isComparable would let a string meet
     * any number, which PostgreSQL's operator lookup does not.
     */
    private static boolean concatenable(SqlCallBinding binding) {
        RelDataType left = binding.getOperandType(0);
        RelDataType right = binding.getOperandType(1);
        if (isArray(left) && isArray(right)) {
            return true;
        }
        int scalarSide = isArray(left) ? 1 : 0;
        RelDataType scalar = binding.getOperandType(scalarSide);
        RelDataType element = (isArray(left) ? left : right).getComponentType();
        // an untyped quoted literal is CHAR; one cast with :: (which may still be a literal node) is not
        boolean untyped = binding.operand(scalarSide) instanceof SqlLiteral && scalar.getSqlTypeName() == SqlTypeName.CHAR;
        return element == null || scalar.getSqlTypeName() == SqlTypeName.NULL || untyped
                || SqlTypeUtil.isNumeric(element) && SqlTypeUtil.isNumeric(scalar)
                || SqlTypeUtil.isCharacter(element) && SqlTypeUtil.isCharacter(scalar)
                || element.getFamily() == scalar.getFamily();
    }

    /**
     * An untyped quoted literal beside an array is an array of the same type, as PostgreSQL gives
     * an unknown operand of a binary operator the other side's type: {@code array[1] || '{2}'} is
     * {1,2}, and {@code array[1] || '2'} a malformed array literal (22P02).
     */
    private static boolean readsLiteralAsArray(SqlCallBinding binding) {
        for (int literal = 0; literal < 2; literal++) {
            RelDataType other = binding.getOperandType(1 - literal);
            if (isArray(other) && binding.operand(literal) instanceof SqlCharStringLiteral
                    && binding.getValidator().getTypeCoercion() instanceof UnknownLiteralCoercion coercion) {
                RelDataTypeFactory factory = binding.getTypeFactory();
                RelDataType array = factory.createArrayType(
                        factory.createTypeWithNullability(other.getComponentType(), true), -1);
                return coercion.readLiteralAs(binding, literal, array);
            }
        }
        return false;
    }

    private static boolean isArray(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.ARRAY;
    }
}
