package org.modgres.executor.impl;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A type system like the real planner's: numeric up to PostgreSQL's 1000 digits (a DECIMAL
 * that wide is the unconstrained numeric), SUM(int) as bigint, SUM(bigint) and AVG as numeric.
 */
final class TestTypeSystem extends RelDataTypeSystemImpl {

    static final int NUMERIC_MAX = 1000;

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? NUMERIC_MAX : super.getMaxPrecision(typeName);
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? NUMERIC_MAX : super.getMaxScale(typeName);
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? NUMERIC_MAX : super.getDefaultPrecision(typeName);
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory factory, RelDataType argumentType) {
        RelDataType type = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER -> factory.createSqlType(SqlTypeName.BIGINT);
            case BIGINT, DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, NUMERIC_MAX,
                    Math.max(argumentType.getScale(), 0));
            default -> argumentType;
        };
        return factory.createTypeWithNullability(type, true);
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory factory, RelDataType argumentType) {
        RelDataType type = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL,
                    NUMERIC_MAX, 16);
            case REAL, FLOAT, DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
            default -> argumentType;
        };
        return factory.createTypeWithNullability(type, true);
    }
}
