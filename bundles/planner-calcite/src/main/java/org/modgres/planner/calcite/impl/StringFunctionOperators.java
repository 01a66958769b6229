package org.modgres.planner.calcite.impl;

import java.util.List;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * PostgreSQL's string functions that Calcite lacks or knows only for other dialects, with
 * PostgreSQL's signatures; the executor evaluates them by name.
 */
final class StringFunctionOperators {

    private static final SqlTypeFamily TEXT = SqlTypeFamily.CHARACTER;
    private static final SqlTypeFamily INT = SqlTypeFamily.INTEGER;

    /** {@code text[]}, as string_to_array and regexp_match return it. */
    static final SqlReturnTypeInference TEXT_ARRAY = binding -> {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType element = factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR), true);
        return factory.createTypeWithNullability(factory.createArrayType(element, -1), true);
    };

    private static final SqlReturnTypeInference TEXT_RESULT = ReturnTypes.VARCHAR_NULLABLE;

    /**
     * {@code ||} of strings, which is text in PostgreSQL whatever the operands' lengths or
     * character(n) types; Calcite makes it char(n + m) or varchar(n + m). Bytes stay bytes.
     */
    static final SqlBinaryOperator TEXT_CONCAT = new SqlBinaryOperator("||", SqlKind.OTHER, 60, true,
            binding -> {
                if (JsonTypes.hasJsonb(binding)) {
                    return JsonTypes.jsonbResult(binding);
                }
                if (ArrayConcat.hasArray(binding)) {
                    return ArrayConcat.returnType(binding);
                }
                RelDataType type = SqlStdOperatorTable.CONCAT.getReturnTypeInference().inferReturnType(binding);
                if (type == null || !SqlTypeUtil.isCharacter(type)) {
                    return type;
                }
                RelDataTypeFactory factory = binding.getTypeFactory();
                return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR), type.isNullable());
            }, null, ArrayConcat.operands(SqlStdOperatorTable.CONCAT.getOperandTypeChecker()).or(JsonTypes.JSONB_OPERANDS));

    static final List<SqlFunction> ALL = List.of(
            LibraryFunctions.function("repeat", TEXT_RESULT, OperandTypes.family(TEXT, INT)),
            LibraryFunctions.function("lpad", TEXT_RESULT, OperandTypes.family(List.of(TEXT, INT, TEXT), i -> i == 2)),
            LibraryFunctions.function("rpad", TEXT_RESULT, OperandTypes.family(List.of(TEXT, INT, TEXT), i -> i == 2)),
            LibraryFunctions.function("left", TEXT_RESULT, OperandTypes.family(TEXT, INT)),
            LibraryFunctions.function("right", TEXT_RESULT, OperandTypes.family(TEXT, INT)),
            LibraryFunctions.function("reverse", TEXT_RESULT, OperandTypes.family(TEXT)),
            LibraryFunctions.function("strpos", ReturnTypes.INTEGER_NULLABLE, OperandTypes.family(TEXT, TEXT)),
            LibraryFunctions.function("split_part", TEXT_RESULT, OperandTypes.family(TEXT, TEXT, INT)),
            LibraryFunctions.function("md5", TEXT_RESULT, OperandTypes.family(SqlTypeFamily.STRING)),
            LibraryFunctions.function("ltrim", TEXT_RESULT, OperandTypes.family(List.of(TEXT, TEXT), i -> i == 1)),
            LibraryFunctions.function("rtrim", TEXT_RESULT, OperandTypes.family(List.of(TEXT, TEXT), i -> i == 1)),
            LibraryFunctions.function("btrim", TEXT_RESULT, OperandTypes.family(List.of(TEXT, TEXT), i -> i == 1)),
            LibraryFunctions.function("chr", TEXT_RESULT, OperandTypes.family(INT)),
            LibraryFunctions.function("ascii", ReturnTypes.INTEGER_NULLABLE, OperandTypes.family(TEXT)),
            LibraryFunctions.function("translate", TEXT_RESULT, OperandTypes.family(TEXT, TEXT, TEXT)),
            LibraryFunctions.function("starts_with", ReturnTypes.BOOLEAN_NULLABLE, OperandTypes.family(TEXT, TEXT)),
            LibraryFunctions.function("format", ReturnTypes.explicit(SqlTypeName.VARCHAR)
                    .andThen(SqlTypeTransforms.FORCE_NULLABLE), OperandTypes.repeat(SqlOperandCountRanges.from(1),
                    OperandTypes.ANY)),
            LibraryFunctions.function("concat_ws", ReturnTypes.explicit(SqlTypeName.VARCHAR)
                    .andThen(SqlTypeTransforms.FORCE_NULLABLE), OperandTypes.repeat(SqlOperandCountRanges.from(1),
                    OperandTypes.ANY)),
            LibraryFunctions.function("string_to_array", TEXT_ARRAY,
                    OperandTypes.family(List.of(TEXT, TEXT, TEXT), i -> i == 2)),
            LibraryFunctions.function("regexp_replace", TEXT_RESULT,
                    OperandTypes.family(List.of(TEXT, TEXT, TEXT, TEXT), i -> i == 3)),
            LibraryFunctions.function("regexp_match", TEXT_ARRAY,
                    OperandTypes.family(List.of(TEXT, TEXT, TEXT), i -> i == 2)));

    private StringFunctionOperators() {
    }
}
