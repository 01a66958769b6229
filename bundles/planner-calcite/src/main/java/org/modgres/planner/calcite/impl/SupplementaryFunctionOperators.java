package org.modgres.planner.calcite.impl;

import java.util.List;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/**
 * PostgreSQL's integer, numeric, bytea and bit-length functions that Calcite lacks, with
 * PostgreSQL's signatures; the executor evaluates them by name.
 */
final class SupplementaryFunctionOperators {

    private static final SqlTypeFamily INTEGER = SqlTypeFamily.INTEGER;
    private static final SqlTypeFamily BYTEA = SqlTypeFamily.BINARY;
    private static final SqlTypeFamily TEXT = SqlTypeFamily.CHARACTER;

    private static final SqlReturnTypeInference TEXT_RESULT = ReturnTypes.VARCHAR_NULLABLE;
    private static final SqlReturnTypeInference BYTEA_RESULT = ReturnTypes.explicit(SqlTypeName.VARBINARY)
            .andThen(SqlTypeTransforms.TO_NULLABLE);

    static final List<SqlFunction> ALL = List.of(
            LibraryFunctions.function("gcd", ReturnTypes.LEAST_RESTRICTIVE.andThen(SqlTypeTransforms.TO_NULLABLE),
                    OperandTypes.family(SqlTypeFamily.EXACT_NUMERIC, SqlTypeFamily.EXACT_NUMERIC)),
            LibraryFunctions.function("lcm", ReturnTypes.LEAST_RESTRICTIVE.andThen(SqlTypeTransforms.TO_NULLABLE),
                    OperandTypes.family(SqlTypeFamily.EXACT_NUMERIC, SqlTypeFamily.EXACT_NUMERIC)),
            LibraryFunctions.function("scale", ReturnTypes.INTEGER_NULLABLE, OperandTypes.family(SqlTypeFamily.NUMERIC)),
            LibraryFunctions.function("to_hex", TEXT_RESULT, OperandTypes.family(INTEGER)),
            LibraryFunctions.function("bit_length", ReturnTypes.INTEGER_NULLABLE, OperandTypes.family(SqlTypeFamily.STRING)),
            LibraryFunctions.function("get_byte", ReturnTypes.INTEGER_NULLABLE, OperandTypes.family(BYTEA, INTEGER)),
            LibraryFunctions.function("set_byte", BYTEA_RESULT, OperandTypes.family(BYTEA, INTEGER, INTEGER)),
            LibraryFunctions.function("sha256", BYTEA_RESULT, OperandTypes.family(BYTEA)),
            LibraryFunctions.function("convert_from", TEXT_RESULT, OperandTypes.family(BYTEA, TEXT)));

    private SupplementaryFunctionOperators() {
    }
}
