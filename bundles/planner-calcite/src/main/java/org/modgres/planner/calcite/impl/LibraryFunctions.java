package org.modgres.planner.calcite.impl;

import java.util.List;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * PostgreSQL functions that Calcite defines for other dialects only (its POSTGRESQL library
 * lacks them), or not at all. The executor evaluates them by name.
 */
final class LibraryFunctions {

    /** {@code trunc(numeric [, digits])}: Calcite's TRUNCATE under PostgreSQL's name. */
    static final SqlFunction TRUNC = function("trunc", ReturnTypes.ARG0_NULLABLE,
            OperandTypes.NUMERIC_OPTIONAL_INTEGER);

    /** {@code length(text)}: characters, as CHAR_LENGTH counts them. */
    static final SqlFunction LENGTH = function("length", ReturnTypes.INTEGER_NULLABLE, OperandTypes.CHARACTER);

    /** {@code substr(text, from [, count])}: SUBSTRING with PostgreSQL's other name. */
    static final SqlFunction SUBSTR = function("substr", ReturnTypes.ARG0_NULLABLE_VARYING,
            OperandTypes.or(OperandTypes.STRING_INTEGER, OperandTypes.STRING_INTEGER_INTEGER));

    /** {@code encode(bytea, format)}: bytes as text in hex, base64 or escape format. */
    static final SqlFunction ENCODE = function("encode", ReturnTypes.explicit(SqlTypeName.VARCHAR)
            .andThen(SqlTypeTransforms.TO_NULLABLE), OperandTypes.family(SqlTypeFamily.BINARY, SqlTypeFamily.CHARACTER));

    /** {@code decode(text, format)}: the bytes {@code encode} wrote. */
    static final SqlFunction DECODE = function("decode", ReturnTypes.explicit(SqlTypeName.VARBINARY)
            .andThen(SqlTypeTransforms.TO_NULLABLE), OperandTypes.family(SqlTypeFamily.CHARACTER,
                    SqlTypeFamily.CHARACTER));

    /** {@code concat(any, ...)}: the operands as text, NULLs skipped; never NULL itself. */
    static final SqlFunction CONCAT = function("concat", ReturnTypes.explicit(SqlTypeName.VARCHAR),
            OperandTypes.repeat(SqlOperandCountRanges.from(1), OperandTypes.ANY));

    /** {@code now()} and its other names: the current time as {@code timestamp with time zone}. */
    private static final SqlReturnTypeInference TIMESTAMPTZ = binding -> binding.getTypeFactory()
            .createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6);

    static final List<SqlFunction> CURRENT_TIME_FUNCTIONS = List.of(
            function("now", TIMESTAMPTZ, OperandTypes.NILADIC),
            function("transaction_timestamp", TIMESTAMPTZ, OperandTypes.NILADIC),
            function("statement_timestamp", TIMESTAMPTZ, OperandTypes.NILADIC));

    private static final SqlOperatorTable UPPER_CASE_NAMES = SqlOperatorTables.chain(
            SqlOperatorTables.of(List.of(TRUNC, LENGTH, SUBSTR, ENCODE, DECODE, CONCAT, SqlLibraryOperators.BOOL_AND,
                    SqlLibraryOperators.BOOL_OR)),
            SqlOperatorTables.of(CURRENT_TIME_FUNCTIONS),
            SqlOperatorTables.of(StringFunctionOperators.ALL),
            SqlOperatorTables.of(SupplementaryFunctionOperators.ALL),
            SqlOperatorTables.of(MathFunctionOperators.ALL),
            SqlOperatorTables.of(DateTimeFunctionOperators.ALL),
            SqlOperatorTables.of(List.of(TypeOfFunction.PG_TYPEOF)),
            SqlOperatorTables.of(JsonFunctionOperators.ALL));

    /**
     * Overloads that differ from Calcite's standard operators of the same name (in their result
     * types), so they are looked up before those.
     */
    static final SqlOperatorTable BEFORE_STANDARD = SqlOperatorTables.chain(
            SqlOperatorTables.of(MathFunctionOperators.BEFORE_STANDARD), SqlOperatorTables.of(IntervalOperators.ALL),
            SqlOperatorTables.of(List.of(StringFunctionOperators.TEXT_CONCAT, ModeAggregate.MODE,
                    PercentileAggregate.CONTINUOUS, PercentileAggregate.DISCRETE)));

    /** The operators, found whatever the case of the name: Calcite's aggregates have upper-case names. */
    static final SqlOperatorTable OPERATORS = new SqlOperatorTable() {
        @Override
        public void lookupOperatorOverloads(SqlIdentifier name, SqlFunctionCategory category, SqlSyntax syntax,
                                            List<SqlOperator> operators, SqlNameMatcher nameMatcher) {
            UPPER_CASE_NAMES.lookupOperatorOverloads(name, category, syntax, operators, SqlNameMatchers.liberal());
        }

        @Override
        public List<SqlOperator> getOperatorList() {
            return UPPER_CASE_NAMES.getOperatorList();
        }
    };

    private LibraryFunctions() {
    }

    /** A function found by its lower-case name, as SQL's unquoted identifiers are folded here. */
    static SqlFunction function(String name, SqlReturnTypeInference returnType,
                                        SqlOperandTypeChecker operandTypes) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, operandTypes,
                SqlFunctionCategory.USER_DEFINED_FUNCTION);
    }
}
