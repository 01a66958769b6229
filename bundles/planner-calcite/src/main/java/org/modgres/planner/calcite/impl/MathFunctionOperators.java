package org.modgres.planner.calcite.impl;

import java.util.List;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL's mathematical functions whose result type Calcite derives differently (numeric
 * arguments give numeric results in PostgreSQL, double precision in Calcite) or that it lacks;
 * they are looked up before Calcite's standard operators.
 */
final class MathFunctionOperators {

    /**
     * numeric when an argument is numeric and none is floating point, else double precision, as
     * PostgreSQL picks the overload.
     */
    private static final SqlReturnTypeInference NUMERIC_OR_DOUBLE = binding -> {
        boolean numeric = false;
        boolean approximate = false;
        for (RelDataType operand : binding.collectOperandTypes()) {
            numeric |= operand.getSqlTypeName() == SqlTypeName.DECIMAL;
            approximate |= SqlTypeName.APPROX_TYPES.contains(operand.getSqlTypeName());
        }
        numeric &= !approximate;
        return nullableLike(binding, numeric ? ModgresTypeSystem.unboundedNumeric(binding.getTypeFactory())
                : binding.getTypeFactory().createSqlType(SqlTypeName.DOUBLE));
    };

    /**
     * PostgreSQL's exponentiation operator, power(): double precision for integers, numeric for
     * numerics. The grammar reads {@code ^} as Calcite's bitwise XOR, which the planner replaces
     * with this (see {@link CatalogRewriter}).
     */
    static final SqlBinaryOperator POWER_OPERATOR = new SqlBinaryOperator("^", SqlKind.OTHER, 80, true,
            NUMERIC_OR_DOUBLE, null, OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC));

    private static final SqlReturnTypeInference NUMERIC = binding ->
            nullableLike(binding, ModgresTypeSystem.unboundedNumeric(binding.getTypeFactory()));

    private static final SqlTypeFamily NUMBER = SqlTypeFamily.NUMERIC;

    /** Overloads of names Calcite's standard table has too, which must be found first. */
    static final List<SqlOperator> BEFORE_STANDARD = List.of(
            LibraryFunctions.function("exp", NUMERIC_OR_DOUBLE, OperandTypes.family(NUMBER)),
            LibraryFunctions.function("ln", NUMERIC_OR_DOUBLE, OperandTypes.family(NUMBER)),
            LibraryFunctions.function("log10", NUMERIC_OR_DOUBLE, OperandTypes.family(NUMBER)),
            LibraryFunctions.function("log", NUMERIC_OR_DOUBLE, OperandTypes.family(NUMBER)),
            LibraryFunctions.function("log", NUMERIC, OperandTypes.family(NUMBER, NUMBER)),
            LibraryFunctions.function("sqrt", NUMERIC_OR_DOUBLE, OperandTypes.family(NUMBER)),
            LibraryFunctions.function("power", NUMERIC_OR_DOUBLE, OperandTypes.family(NUMBER, NUMBER)),
            LibraryFunctions.function("sign", NUMERIC_OR_DOUBLE, OperandTypes.family(NUMBER)),
            POWER_OPERATOR);

    /**
     * Functions Calcite lacks, or has for other dialects only; greatest and least skip NULLs, and
     * Calcite's own (of kind GREATEST_PG) are not found by name.
     */
    static final List<SqlOperator> ALL = List.of(
            LibraryFunctions.function("div", NUMERIC, OperandTypes.family(NUMBER, NUMBER)),
            volatileFunction("random", ReturnTypes.DOUBLE),
            volatileFunction("gen_random_uuid", ReturnTypes.explicit(SqlTypeName.UUID)),
            LibraryFunctions.function("greatest", ReturnTypes.LEAST_RESTRICTIVE, OperandTypes.SAME_VARIADIC),
            LibraryFunctions.function("least", ReturnTypes.LEAST_RESTRICTIVE, OperandTypes.SAME_VARIADIC));

    private MathFunctionOperators() {
    }

    private static RelDataType nullableLike(SqlOperatorBinding binding, RelDataType type) {
        boolean nullable = false;
        for (RelDataType operand : binding.collectOperandTypes()) {
            nullable |= operand.isNullable();
        }
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(type, nullable);
    }

    /** A function without arguments whose value differs at each call, which the planner must not fold. */
    private static SqlFunction volatileFunction(String name, SqlReturnTypeInference returnType) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, OperandTypes.NILADIC,
                SqlFunctionCategory.USER_DEFINED_FUNCTION) {
            @Override
            public boolean isDeterministic() {
                return false;
            }

            @Override
            public boolean isDynamicFunction() {
                return true;
            }
        };
    }
}
