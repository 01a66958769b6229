package org.modgres.planner.calcite.impl;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlMonotonicBinaryOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.util.Optionality;

/**
 * The binary {@code +} and {@code -} with PostgreSQL's result types where Calcite's differ:
 * {@code date ± interval} is a timestamp (Calcite: a date), {@code date ± integer} a date and
 * {@code date - date} an integer count of days (Calcite has neither), and the difference of two
 * timestamps, or of two timestamps with time zone, is an interval (Calcite has no such
 * operator without an interval qualifier); {@code sum} and {@code avg} also take intervals.
 * Everything else is typed as Calcite's {@code +} and
 * {@code -} type it; the calls keep the kinds PLUS and MINUS, by which the executor evaluates them.
 */
final class IntervalOperators {

    private static final SqlReturnTypeInference PLUS_TYPE = binding -> {
        if (isDateWithInterval(binding)) {
            return timestamp(binding);
        }
        if (isDateWithInteger(binding)) {
            return ofOperands(binding, SqlTypeName.DATE);
        }
        return SqlStdOperatorTable.PLUS.inferReturnType(binding);
    };

    private static final SqlReturnTypeInference MINUS_TYPE = binding -> {
        if (JsonTypes.hasJsonb(binding)) {
            return JsonTypes.jsonbResult(binding);
        }
        if (isDateWithInterval(binding)) {
            return timestamp(binding);
        }
        if (isDateWithInteger(binding)) {
            return ofOperands(binding, SqlTypeName.DATE);
        }
        RelDataType left = binding.getOperandType(0);
        RelDataType right = binding.getOperandType(1);
        if (left.getSqlTypeName() == SqlTypeName.DATE && right.getSqlTypeName() == SqlTypeName.DATE) {
            return ofOperands(binding, SqlTypeName.INTEGER);
        }
        if (isTimestamp(left) && isTimestamp(right)) {
            RelDataTypeFactory factory = binding.getTypeFactory();
            return factory.createTypeWithNullability(TypeMapping.interval(factory),
                    left.isNullable() || right.isNullable());
        }
        return SqlStdOperatorTable.MINUS.inferReturnType(binding);
    };

    static final SqlOperator PLUS = new SqlMonotonicBinaryOperator("+", SqlKind.PLUS, 40, true, PLUS_TYPE,
            InferTypes.FIRST_KNOWN, OperandTypes.PLUS_OPERATOR.or(DateDays.PLUS));

    static final SqlOperator MINUS = new SqlMonotonicBinaryOperator("-", SqlKind.MINUS, 40, true, MINUS_TYPE,
            InferTypes.FIRST_KNOWN, OperandTypes.MINUS_OPERATOR.or(DateDays.MINUS).or(
                    OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.TIMESTAMP)).or(JsonTypes.JSONB_OPERANDS));

    /**
     * {@code sum} and {@code avg} of intervals (an interval, as in PostgreSQL). Their one fixed
     * parameter type keeps Calcite from choosing them for numbers, which keep Calcite's SUM and
     * AVG; their kind is not SUM or AVG, which makes Calcite prefer them over its own for
     * intervals. The executor knows them by name, as it knows age, make_interval and the justify functions.
     */
    static final SqlAggFunction SUM = intervalAggregate("sum");
    static final SqlAggFunction AVG = intervalAggregate("avg");

    private static final SqlReturnTypeInference INTERVAL = binding -> {
        boolean nullable = false;
        for (RelDataType operand : binding.collectOperandTypes()) {
            nullable |= operand.isNullable();
        }
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(TypeMapping.interval(factory), nullable);
    };

    /** age(timestamp, timestamp) and age(timestamp): the difference in years, months and days. */
    static final SqlFunction AGE = LibraryFunctions.function("age", INTERVAL, OperandTypes.family(
            SqlTypeFamily.TIMESTAMP, SqlTypeFamily.TIMESTAMP).or(OperandTypes.family(SqlTypeFamily.TIMESTAMP)));

    /**
     * make_interval(years, months, weeks, days, hours, mins, secs), each optional and zero when
     * left out; positional or by name ({@code make_interval(days => 10)}).
     */
    static final SqlFunction MAKE_INTERVAL = LibraryFunctions.function("make_interval", INTERVAL,
            OperandTypes.operandMetadata(
                    List.of(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER,
                            SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER, SqlTypeFamily.NUMERIC),
                    factory -> List.of(factory.createSqlType(SqlTypeName.INTEGER),
                            factory.createSqlType(SqlTypeName.INTEGER), factory.createSqlType(SqlTypeName.INTEGER),
                            factory.createSqlType(SqlTypeName.INTEGER), factory.createSqlType(SqlTypeName.INTEGER),
                            factory.createSqlType(SqlTypeName.INTEGER), factory.createSqlType(SqlTypeName.DOUBLE)),
                    i -> List.of("years", "months", "weeks", "days", "hours", "mins", "secs").get(i), i -> true));

    static final List<SqlOperator> ALL = List.of(PLUS, MINUS, SUM, AVG, AGE, MAKE_INTERVAL,
            justify("justify_days"), justify("justify_hours"), justify("justify_interval"));

    /** Converts make_interval with the arguments left out as zeros, which PostgreSQL's defaults are. */
    static RexNode convertMakeInterval(SqlRexContext context, SqlCall call) {
        RexBuilder rexBuilder = context.getRexBuilder();
        RelDataTypeFactory factory = rexBuilder.getTypeFactory();
        List<RexNode> operands = new ArrayList<>();
        for (int i = 0; i < call.operandCount(); i++) {
            SqlNode operand = call.operand(i);
            operands.add(operand.getKind() == SqlKind.DEFAULT
                    ? rexBuilder.makeZeroLiteral(factory.createSqlType(i < 6 ? SqlTypeName.INTEGER : SqlTypeName.DOUBLE))
                    : context.convertExpression(operand));
        }
        return rexBuilder.makeCall(call.getOperator(), operands);
    }

    private static SqlFunction justify(String name) {
        return LibraryFunctions.function(name, INTERVAL, OperandTypes.family(SqlTypeFamily.DATETIME_INTERVAL));
    }

    private static SqlAggFunction intervalAggregate(String name) {
        SqlReturnTypeInference type = binding -> binding.getTypeFactory().createTypeWithNullability(
                TypeMapping.interval(binding.getTypeFactory()), true);
        return new SqlAggFunction(name, null, SqlKind.OTHER_FUNCTION, type, null,
                OperandTypes.operandMetadata(List.of(SqlTypeFamily.DATETIME_INTERVAL),
                        factory -> List.of(TypeMapping.interval(factory)), i -> "value", i -> false),
                SqlFunctionCategory.USER_DEFINED_FUNCTION, false, false, Optionality.FORBIDDEN) {
        };
    }

    private IntervalOperators() {
    }

    private static boolean isDateWithInterval(SqlOperatorBinding binding) {
        if (binding.getOperandCount() != 2) {
            return false;
        }
        RelDataType left = binding.getOperandType(0);
        RelDataType right = binding.getOperandType(1);
        return left.getSqlTypeName() == SqlTypeName.DATE && SqlTypeUtil.isInterval(right)
                || SqlTypeUtil.isInterval(left) && right.getSqlTypeName() == SqlTypeName.DATE;
    }

    /** date ± integer and integer + date: a date, the integer counting days. */
    private static boolean isDateWithInteger(SqlOperatorBinding binding) {
        if (binding.getOperandCount() != 2) {
            return false;
        }
        RelDataType left = binding.getOperandType(0);
        RelDataType right = binding.getOperandType(1);
        return left.getSqlTypeName() == SqlTypeName.DATE && SqlTypeUtil.isIntType(right)
                || SqlTypeUtil.isIntType(left) && right.getSqlTypeName() == SqlTypeName.DATE;
    }

    private static RelDataType ofOperands(SqlOperatorBinding binding, SqlTypeName typeName) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(factory.createSqlType(typeName),
                binding.getOperandType(0).isNullable() || binding.getOperandType(1).isNullable());
    }

    private static boolean isTimestamp(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.TIMESTAMP
                || type.getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    private static RelDataType timestamp(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.TIMESTAMP, 6),
                binding.getOperandType(0).isNullable() || binding.getOperandType(1).isNullable());
    }
}
