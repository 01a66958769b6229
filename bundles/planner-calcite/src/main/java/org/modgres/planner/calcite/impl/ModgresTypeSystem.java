package org.modgres.planner.calcite.impl;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL's rules for the types Calcite derives: numeric holds up to 1000 digits, sum() of
 * integers widens (int4 to int8, int8 to numeric) and avg() of exact numbers is numeric.
 */
final class ModgresTypeSystem extends RelDataTypeSystemImpl {

    static final ModgresTypeSystem INSTANCE = new ModgresTypeSystem();

    static final int MAX_NUMERIC_PRECISION = 1000;

    private ModgresTypeSystem() {
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_NUMERIC_PRECISION : super.getMaxPrecision(typeName);
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_NUMERIC_PRECISION : super.getMaxScale(typeName);
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_NUMERIC_PRECISION : super.getDefaultPrecision(typeName);
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory factory, RelDataType argumentType) {
        RelDataType sum = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER -> factory.createSqlType(SqlTypeName.BIGINT);
            case BIGINT, DECIMAL -> unboundedNumeric(factory);
            case REAL -> factory.createSqlType(SqlTypeName.REAL);
            default -> factory.createSqlType(SqlTypeName.DOUBLE);
        };
        return factory.createTypeWithNullability(sum, argumentType.isNullable());
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory factory, RelDataType argumentType) {
        RelDataType avg = switch (argumentType.getSqlTypeName()) {
            case REAL, FLOAT, DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
            default -> unboundedNumeric(factory);
        };
        return factory.createTypeWithNullability(avg, argumentType.isNullable());
    }

    /**
     * Returns the type of a numeric without a declared precision. Calcite needs a precision and
     * scale; the scale chosen here is nominal, the executor keeps PostgreSQL's actual scale.
     */
    static RelDataType unboundedNumeric(RelDataTypeFactory factory) {
        return factory.createSqlType(SqlTypeName.DECIMAL, MAX_NUMERIC_PRECISION, 16);
    }
}
