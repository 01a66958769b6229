package org.modgres.planner.calcite.impl;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.Optionality;

/**
 * PostgreSQL's {@code percentile_cont(f) WITHIN GROUP (ORDER BY x)} and {@code percentile_disc}
 * with the forms Calcite's lack: a fraction that is not a literal (checked per group, 22003
 * outside [0, 1]), an array of fractions giving an array of results, and percentile_cont of
 * intervals. {@link AggregateOrders} passes x as the second argument; the WITHIN GROUP order
 * becomes the call's collation, which the executor feeds the rows in. percentile_cont returns
 * double precision (interval for intervals), percentile_disc the type of x.
 */
final class PercentileAggregate extends SqlAggFunction {

    static final PercentileAggregate CONTINUOUS = new PercentileAggregate("percentile_cont", true);
    static final PercentileAggregate DISCRETE = new PercentileAggregate("percentile_disc", false);

    private final boolean continuous;

    private PercentileAggregate(String name, boolean continuous) {
        super(name, null, SqlKind.OTHER_FUNCTION, PercentileAggregate::resultType,
                (binding, returnType, operandTypes) -> {
                    RelDataTypeFactory factory = binding.getTypeFactory();
                    for (int i = 0; i < operandTypes.length; i++) {
                        operandTypes[i] = factory.createTypeWithNullability(
                                factory.createSqlType(SqlTypeName.DOUBLE), true);
                    }
                }, new Operands(continuous), SqlFunctionCategory.SYSTEM, false, false, Optionality.MANDATORY);
        this.continuous = continuous;
    }

    /** Returns the function that replaces Calcite's of the same name. */
    static PercentileAggregate of(String name) {
        return name.equalsIgnoreCase("percentile_cont") ? CONTINUOUS : DISCRETE;
    }

    private static RelDataType resultType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType value = binding.getOperandType(1);
        boolean continuous = ((PercentileAggregate) binding.getOperator()).continuous;
        RelDataType one = continuous && !SqlTypeUtil.isInterval(value) ? factory.createSqlType(SqlTypeName.DOUBLE)
                : value;
        one = factory.createTypeWithNullability(one, true);
        RelDataType fraction = binding.getOperandType(0);
        return fraction.getSqlTypeName() == SqlTypeName.ARRAY
                ? factory.createTypeWithNullability(factory.createArrayType(one, -1), true) : one;
    }

    /** A fraction (or an array of them) and a value percentile_cont can interpolate. */
    private record Operands(boolean continuous) implements SqlOperandTypeChecker {

        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            RelDataType fraction = binding.getOperandType(0);
            RelDataType fractionElement = fraction.getSqlTypeName() == SqlTypeName.ARRAY
                    ? fraction.getComponentType() : fraction;
            RelDataType value = binding.getOperandType(1);
            boolean ok = (SqlTypeUtil.isNumeric(fractionElement)
                    || fractionElement.getSqlTypeName() == SqlTypeName.NULL)
                    && (!continuous || SqlTypeUtil.isNumeric(value) || SqlTypeUtil.isInterval(value)
                    || value.getSqlTypeName() == SqlTypeName.NULL);
            if (!ok && throwOnFailure) {
                throw binding.newValidationSignatureError();
            }
            return ok;
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.of(2);
        }

        @Override
        public String getAllowedSignatures(SqlOperator op, String opName) {
            return opName + "(" + SqlTypeFamily.NUMERIC + ", " + SqlTypeFamily.ANY + ")";
        }
    }
}
