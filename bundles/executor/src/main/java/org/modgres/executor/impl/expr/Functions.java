package org.modgres.executor.impl.expr;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlPosixRegexOperator;
import org.apache.calcite.sql.fun.SqlQuantifyOperator;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeName;
import org.modgres.executor.impl.value.Comparisons;
import org.modgres.executor.impl.value.PgErrors;
import org.modgres.executor.impl.value.ValueType;

/** Resolves calls of scalar functions to evaluators, by Calcite kind first and then by name. */
final class Functions {

    private Functions() {
    }

    /**
     * Returns the evaluator of a function call.
     *
     * @param args          the compiled operands
     * @param statementTime when the statement started, the value of CURRENT_TIMESTAMP and friends
     * @throws org.modgres.api.error.PgException 0A000 for a function this executor lacks
     */
    static Evaluator resolve(RexCall call, Evaluator[] args, OffsetDateTime statementTime) {
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        ValueType resultType = ValueType.of(call.getType());
        Evaluator evaluator = switch (call.getKind()) {
            case TRIM -> trim(call, args);
            case POSITION -> strict(args, StringFunctions::position);
            case FLOOR, CEIL -> {
                if (args.length > 1) {
                    throw PgErrors.functionNotSupported(name.toLowerCase(Locale.ROOT) + " to a time unit");
                }
                boolean floor = call.getKind() == SqlKind.FLOOR;
                yield strict(args, a -> MathFunctions.floorOrCeil(a[0], floor));
            }
            case GREATEST, LEAST -> new Extreme(args, call.getKind() == SqlKind.GREATEST, false);
            case GREATEST_PG, LEAST_PG -> new Extreme(args, call.getKind() == SqlKind.GREATEST_PG, true);
            case ITEM -> strict(args, ArrayFunctions::item);
            case BITAND -> strict(args, a -> MathFunctions.bitAnd(a[0], a[1]));
            case ARRAY_VALUE_CONSTRUCTOR -> row -> ArrayFunctions.construct(args, row);
            case SOME, ALL -> new QuantifiedComparison(((SqlQuantifyOperator) call.getOperator()).comparisonKind,
                    args[0], args[1], call.getKind() == SqlKind.ALL);
            case POSIX_REGEX_CASE_SENSITIVE, POSIX_REGEX_CASE_INSENSITIVE -> {
                SqlPosixRegexOperator regex = (SqlPosixRegexOperator) call.getOperator();
                yield new RegexMatch(args[0], args[1], regex.isCaseSensitive(), regex.isNegated());
            }
            default -> byName(name, call, args, resultType, statementTime);
        };
        return resultType == ValueType.OTHER ? evaluator : new ToClass(evaluator, resultType);
    }

    private static Evaluator byName(String name, RexCall call, Evaluator[] args, ValueType resultType,
                                    OffsetDateTime statementTime) {
        if (ArrayFunctions.isArrayOperator(name, call)) {
            return ArrayFunctions.operator(name, call, args);
        }
        boolean padded = !call.getOperands().isEmpty() && isBlankPaddedValue(call.getOperands().get(0));
        return switch (name) {
            case SeriesArrays.NAME -> {
                boolean bigint = ValueType.of(call.getType().getComponentType()) == ValueType.BIGINT;
                yield strict(args, a -> SeriesArrays.values(a, bigint));
            }
            case "UPPER" -> strict(args, StringFunctions::upper);
            case "LOWER" -> strict(args, StringFunctions::lower);
            case "INITCAP" -> strict(args, StringFunctions::initcap);
            case "REVERSE" -> strict(args, StringFunctions::reverse);
            case "CHAR_LENGTH", "CHARACTER_LENGTH", "LENGTH" -> strict(args, a -> {
                String text = StringFunctions.text(a[0]);
                return StringFunctions.charLength(padded ? Comparisons.stripTrailingSpaces(text) : text);
            });
            case "OCTET_LENGTH" -> strict(args, StringFunctions::octetLength);
            case "SUBSTRING", "SUBSTR" -> isSqlRegexSubstring(call)
                    ? strict(args, a -> SimilarPatterns.substring(StringFunctions.text(a[0]),
                            StringFunctions.text(a[1]), StringFunctions.text(a[2])))
                    : strict(args, StringFunctions::substring);
            case "STRPOS" -> strict(args, a -> StringFunctions.position(new Object[] {a[1], a[0]}));
            case "REPLACE" -> strict(args, StringFunctions::replace);
            case "LEFT" -> strict(args, a -> StringFunctions.leftOrRight(a, true));
            case "RIGHT" -> strict(args, a -> StringFunctions.leftOrRight(a, false));
            case "LTRIM", "RTRIM", "BTRIM" -> strict(args, a -> StringFunctions.trim(StringFunctions.text(a[0]),
                    a.length > 1 ? StringFunctions.text(a[1]) : " ", !name.equals("RTRIM"), !name.equals("LTRIM")));
            case "CONCAT" -> new ConcatFunction(args);
            case "ENCODE" -> strict(args, a -> ByteaEncodings.encode((byte[]) a[0], StringFunctions.text(a[1])));
            case "DECODE" -> strict(args, a -> ByteaEncodings.decode(StringFunctions.text(a[0]),
                    StringFunctions.text(a[1])));
            case "ABS" -> strict(args, a -> MathFunctions.abs(a[0], resultType));
            case "MOD" -> new BinaryArithmetic(args[0], args[1], ExpressionCompiler.arithmetic(ArithmeticOp.MODULO, call));
            case "ROUND" -> strict(args, MathFunctions::round);
            case "TRUNC", "TRUNCATE" -> strict(args, MathFunctions::truncate);
            case "CEILING" -> strict(args, a -> MathFunctions.floorOrCeil(a[0], false));
            case "SIGN" -> strict(args, a -> MathFunctions.sign(a[0]));
            // a[lower:upper], the parser's slice operator
            case "[:]" -> isSliceOfSlice(call)
                    // a[1:2][1:1] slices two dimensions, and Modgres arrays have one: PostgreSQL gives {} then
                    ? strict(args, a -> List.of())
                    : strict(args, ArrayFunctions::slice);
            // UPDATE's SET a[i] = v, the parser's element assignment
            case "[]:=" -> {
                Evaluator element = new ToClass(args[2], ValueType.of(call.getType().getComponentType()));
                yield row -> ArrayFunctions.assign(args[0].evaluate(row), args[1].evaluate(row), element.evaluate(row));
            }
            case "ARRAY_POSITION" -> row -> ArrayFunctions.position(args[0].evaluate(row), args[1].evaluate(row));
            case "ARRAY_UPPER", "ARRAY_LOWER", "ARRAY_LENGTH" ->
                    strict(args, a -> ArrayFunctions.bound(a, name.substring("ARRAY_".length())));
            case "ARRAY_TO_STRING" -> row -> {
                Object[] values = new Object[args.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = args[i].evaluate(row);
                }
                return values[0] == null || values[1] == null ? null : ArrayFunctions.join(values);
            };
            case "AGE" -> strict(args, a -> a.length == 2 ? IntervalFunctions.age(a[0], a[1])
                    : IntervalFunctions.ageFromToday(a[0], statementTime));
            case "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "NOW", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIME",
                 "TRANSACTION_TIMESTAMP", "STATEMENT_TIMESTAMP" -> new Constant(statementTime);
            case "CARDINALITY", "ARRAY_APPEND", "ARRAY_PREPEND", "ARRAY_CAT", "ARRAY_REMOVE", "ARRAY_REPLACE",
                 "ARRAY_POSITIONS" -> ArrayFunctions.byName(name, args);
            default -> {
                Evaluator json = JsonFunctions.resolve(name, call, args);
                if (json != null) {
                    yield json;
                }
                Evaluator dialect = DialectFunctions.resolve(name, args, resultType);
                if (dialect == null) {
                    throw PgErrors.functionNotSupported(name.toLowerCase(Locale.ROOT));
                }
                yield dialect;
            }
        };
    }

    private static Evaluator trim(RexCall call, Evaluator[] args) {
        List<RexNode> operands = call.getOperands();
        if (operands.size() != 3 || !(operands.get(0) instanceof RexLiteral flagLiteral)) {
            throw PgErrors.functionNotSupported("trim");
        }
        SqlTrimFunction.Flag flag = flagLiteral.getValueAs(SqlTrimFunction.Flag.class);
        boolean leading = flag != SqlTrimFunction.Flag.TRAILING;
        boolean trailing = flag != SqlTrimFunction.Flag.LEADING;
        return strict(new Evaluator[] {args[1], args[2]}, a -> StringFunctions.trim(StringFunctions.text(a[1]),
                StringFunctions.text(a[0]), leading, trailing));
    }

    private static Evaluator strict(Evaluator[] args, ScalarFunction function) {
        return new FunctionCall(function, args);
    }

    private static boolean isSliceOfSlice(RexCall call) {
        return call.getOperands().getFirst() instanceof RexCall inner && inner.getOperator().getName().equals("[:]");
    }

    /** substring(text, text, text), whose pattern is a SQL regular expression (substring(x similar p escape e)). */
    private static boolean isSqlRegexSubstring(RexCall call) {
        return call.getOperands().size() == 3
                && SqlTypeName.CHAR_TYPES.contains(call.getOperands().get(1).getType().getSqlTypeName());
    }

    /**
     * Returns whether an operand of a function or of || is a character(n) value, whose trailing
     * spaces do not count. A quoted literal is text there in PostgreSQL, whatever type Calcite gave it;
     * comparisons, where a literal takes the other side's type, use {@link #isBlankPadded}.
     */
    static boolean isBlankPaddedValue(RexNode operand) {
        return isBlankPadded(operand) && !(operand instanceof RexLiteral);
    }

    /** Returns whether an expression is character(n), whose trailing spaces do not count. */
    static boolean isBlankPadded(RexNode node) {
        return node.getType().getSqlTypeName() == SqlTypeName.CHAR;
    }
}
