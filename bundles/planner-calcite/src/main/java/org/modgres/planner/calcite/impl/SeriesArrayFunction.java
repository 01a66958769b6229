package org.modgres.planner.calcite.impl;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * The values of {@code generate_series(start, stop [, step])} as one array, for a select list with
 * several set-returning functions: {@link SelectListSetFunctions} unnests such arrays together,
 * which steps through them in lockstep as PostgreSQL's ProjectSet does. The planner calls it only
 * from its rewrites; the operator table does not know it.
 */
final class SeriesArrayFunction extends SqlFunction {

    /** The executor finds the function by this name. */
    static final String NAME = "generate_series$array";

    static final SeriesArrayFunction INSTANCE = new SeriesArrayFunction();

    private SeriesArrayFunction() {
        super(NAME, SqlKind.OTHER_FUNCTION, SeriesArrayFunction::arrayType, null,
                OperandTypes.or(OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER),
                        OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER)),
                SqlFunctionCategory.SYSTEM);
    }

    private static RelDataType arrayType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        boolean bigint = false;
        for (int i = 0; i < binding.getOperandCount(); i++) {
            bigint |= binding.getOperandType(i).getSqlTypeName() == SqlTypeName.BIGINT;
        }
        RelDataType element = factory.createSqlType(bigint ? SqlTypeName.BIGINT : SqlTypeName.INTEGER);
        return factory.createTypeWithNullability(factory.createArrayType(element, -1), true);
    }

    /** Types the call without looking the function up by name in the operator table. */
    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
        for (SqlNode operand : call.getOperandList()) {
            validator.deriveType(scope, operand);
        }
        return validateOperands(validator, scope, call);
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }
}
