package org.modgres.planner.calcite.impl;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit casts, plus PostgreSQL's reading of a string literal compared with an array:
 * {@code polroles = '{0}'} reads the literal as an array of the other side's type, as PostgreSQL
 * gives an untyped literal the type of what it meets.
 */
final class UnknownLiteralCoercion extends TypeCoercionImpl {

    UnknownLiteralCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
        super(typeFactory, validator);
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
