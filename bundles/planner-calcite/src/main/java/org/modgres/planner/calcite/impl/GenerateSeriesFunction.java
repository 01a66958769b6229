package org.modgres.planner.calcite.impl;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * {@code generate_series(start, stop [, step])} over integers, or over timestamps with an interval
 * step, a set-returning function used in FROM. Its one column is named {@code generate_series} and
 * is bigint when an argument is, else integer (timestamp, or timestamptz for other datetimes); {@link CatalogRewriter} renames it after the alias, as PostgreSQL names the column of a
 * scalar function in FROM.
 */
final class GenerateSeriesFunction extends SqlFunction implements SqlTableFunction {

    static final String NAME = "generate_series";

    GenerateSeriesFunction() {
        super(NAME, SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR, null,
                OperandTypes.or(OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER),
                        OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER),
                        // a quoted stop or step is read as the start's type or an interval, as PostgreSQL
                        // resolves its unknown-type literals
                        OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.DATETIME,
                                SqlTypeFamily.DATETIME_INTERVAL),
                        OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.CHARACTER,
                                SqlTypeFamily.DATETIME_INTERVAL),
                        OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.DATETIME, SqlTypeFamily.CHARACTER),
                        OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.CHARACTER,
                                SqlTypeFamily.CHARACTER)),
                SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
        return GenerateSeriesFunction::rowType;
    }

    private static RelDataType rowType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        if (SqlTypeUtil.isDatetime(binding.getOperandType(0))) {
            // timestamp when both bounds are; otherwise (dates too) PostgreSQL's timestamptz overload
            SqlTypeName stop = binding.getOperandType(1).getSqlTypeName();
            boolean local = binding.getOperandType(0).getSqlTypeName() == SqlTypeName.TIMESTAMP
                    && (stop == SqlTypeName.TIMESTAMP || SqlTypeUtil.isCharacter(binding.getOperandType(1)));
            return factory.builder().add(NAME, local ? factory.createSqlType(SqlTypeName.TIMESTAMP, 6)
                    : factory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6)).build();
        }
        boolean bigint = false;
        for (int i = 0; i < binding.getOperandCount(); i++) {
            bigint |= binding.getOperandType(i).getSqlTypeName() == SqlTypeName.BIGINT;
        }
        RelDataType element = factory.createSqlType(bigint ? SqlTypeName.BIGINT : SqlTypeName.INTEGER);
        return factory.builder().add(NAME, element).build();
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }
}
