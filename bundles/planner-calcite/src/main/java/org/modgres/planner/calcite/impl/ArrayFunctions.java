package org.modgres.planner.calcite.impl;

import java.util.List;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * PostgreSQL's array functions that Calcite lacks, and {@code generate_series}; the executor
 * implements them by name.
 */
final class ArrayFunctions {

    static final SqlFunction ARRAY_POSITION = function("array_position", ReturnTypes.INTEGER_NULLABLE,
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ANY));

    static final SqlFunction ARRAY_UPPER = function("array_upper", ReturnTypes.INTEGER_NULLABLE,
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.INTEGER));

    static final SqlFunction ARRAY_LOWER = function("array_lower", ReturnTypes.INTEGER_NULLABLE,
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.INTEGER));

    static final SqlFunction ARRAY_LENGTH = function("array_length", ReturnTypes.INTEGER_NULLABLE,
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.INTEGER));

    static final SqlFunction ARRAY_TO_STRING = function("array_to_string", ReturnTypes.VARCHAR_NULLABLE,
            OperandTypes.or(OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)));

    private static final SqlReturnTypeInference FIRST_ARRAY = ReturnTypes.ARG0.andThen(SqlTypeTransforms.TO_NULLABLE);

    static final SqlFunction ARRAY_APPEND = function("array_append", FIRST_ARRAY,
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ANY));

    static final SqlFunction ARRAY_PREPEND = function("array_prepend",
            ReturnTypes.ARG1.andThen(SqlTypeTransforms.TO_NULLABLE),
            OperandTypes.family(SqlTypeFamily.ANY, SqlTypeFamily.ARRAY));

    static final SqlFunction ARRAY_CAT = function("array_cat", FIRST_ARRAY,
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ARRAY));

    static final SqlFunction ARRAY_REMOVE = function("array_remove", FIRST_ARRAY,
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ANY));

    static final SqlFunction ARRAY_REPLACE = function("array_replace", FIRST_ARRAY,
            OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ANY, SqlTypeFamily.ANY));

    /** {@code array_positions(a, e)}: integer[]. */
    static final SqlFunction ARRAY_POSITIONS = function("array_positions", binding -> {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType element = factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.INTEGER), true);
        return factory.createTypeWithNullability(factory.createArrayType(element, -1), true);
    }, OperandTypes.family(SqlTypeFamily.ARRAY, SqlTypeFamily.ANY));

    static final SqlOperatorTable OPERATORS = SqlOperatorTables.of(List.of(new GenerateSeriesFunction(),
            ARRAY_POSITION, ARRAY_UPPER, ARRAY_LOWER, ARRAY_LENGTH, ARRAY_TO_STRING, ARRAY_APPEND, ARRAY_PREPEND,
            ARRAY_CAT, ARRAY_REMOVE, ARRAY_REPLACE, ARRAY_POSITIONS));

    private ArrayFunctions() {
    }

    private static SqlFunction function(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, operands,
                SqlFunctionCategory.SYSTEM);
    }
}
