package org.modgres.executor.impl.expr;

import java.time.OffsetDateTime;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.modgres.api.catalog.SystemFunctionOperator;
import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.executor.impl.value.Casts;
import org.modgres.executor.impl.value.LiteralValues;
import org.modgres.executor.impl.value.PgErrors;
import org.modgres.executor.impl.value.TargetType;
import org.modgres.executor.impl.value.ValueType;

/**
 * Compiles Calcite row expressions into trees of {@link Evaluator}s, once per statement
 * execution. Parameters are bound while compiling, so a {@code $n} is a constant afterwards;
 * equal expressions share one evaluator.
 */
public final class ExpressionCompiler {

    private final List<Object> parameters;
    private final RexBuilder rexBuilder;
    private final RelDataTypeSystem typeSystem;
    private final OffsetDateTime statementTime;
    private final SystemRelationContext session;
    private final Correlations correlations = new Correlations();
    /**
     * By identity: an expression's equals and hashCode build its digest string, which cost more
     * than compiling the many small expressions of a batched INSERT's VALUES.
     */
    private final Map<RexNode, Evaluator> compiled = new IdentityHashMap<>();

    /**
     * @param parameters    the values of {@code $1..$n}
     * @param rexBuilder    the plan's builder, to expand SEARCH calls
     * @param statementTime the value of CURRENT_TIMESTAMP
     */
    public ExpressionCompiler(List<Object> parameters, RexBuilder rexBuilder, OffsetDateTime statementTime) {
        this(parameters, rexBuilder, statementTime, null);
    }

    /**
     * @param session the session and transaction that system functions and relations see, or
     *                null where there is none
     */
    public ExpressionCompiler(List<Object> parameters, RexBuilder rexBuilder, OffsetDateTime statementTime,
                              SystemRelationContext session) {
        this.parameters = parameters;
        this.rexBuilder = rexBuilder;
        this.typeSystem = rexBuilder.getTypeFactory().getTypeSystem();
        this.statementTime = statementTime;
        this.session = session;
    }

    /** Returns the rows the plan's correlation variables stand for, which Correlate operators bind. */
    public Correlations correlations() {
        return correlations;
    }

    /** Returns what system functions and relations see of the statement, or null. */
    public SystemRelationContext session() {
        return session;
    }

    /** Returns the evaluator of an expression over rows of its input. */
    public Evaluator compile(RexNode node) {
        Evaluator evaluator = compiled.get(node);
        if (evaluator == null) {
            evaluator = compileNew(node);
            compiled.put(node, evaluator);
        }
        return evaluator;
    }

    /** Returns evaluators for several expressions. */
    public Evaluator[] compile(List<? extends RexNode> nodes) {
        Evaluator[] result = new Evaluator[nodes.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = compile(nodes.get(i));
        }
        return result;
    }

    /**
     * Returns the evaluator of a value to be stored in a column: the CASTs at the top, which
     * Calcite adds to bring a value to its column's type, convert with assignment rules, so a
     * too-long string fails instead of being cut.
     */
    public Evaluator compileAssignment(RexNode node) {
        if (node.getKind() == SqlKind.CAST) {
            RexCall cast = (RexCall) node;
            if (cast.getType().getSqlTypeName() == SqlTypeName.ARRAY) {
                return ArrayCast.of(compileAssignment(cast.getOperands().get(0)), cast.getType(),
                        targetOf(cast.getType().getComponentType()), true);
            }
            return new Cast(compileAssignment(cast.getOperands().get(0)), targetOf(cast.getType()), true);
        }
        return compile(node);
    }

    /** Evaluates an expression that reads no columns, such as a LIMIT. */
    public Object evaluateConstant(RexNode node) {
        return compile(node).evaluate(new Object[0]);
    }

    /** Returns the target type a Calcite type stands for, in this plan's type system. */
    public TargetType targetOf(RelDataType type) {
        return TargetType.of(type, typeSystem);
    }

    private Evaluator compileNew(RexNode node) {
        return switch (node) {
            case RexInputRef ref -> new InputRef(ref.getIndex());
            case RexLiteral literal -> new Constant(LiteralValues.convert(literal));
            case RexDynamicParam param -> new Constant(parameter(param));
            case RexSubQuery subQuery -> throw PgErrors.notSupported("subquery " + subQuery.getKind().lowerName);
            case RexOver over -> throw PgErrors.notSupported("window function " + over.getOperator().getName());
            case RexCall call -> compileCall(call);
            case RexFieldAccess access when access.getReferenceExpr() instanceof RexCorrelVariable variable -> {
                int field = access.getField().getIndex();
                yield row -> correlations.value(variable.id, field);
            }
            default -> throw PgErrors.notSupported("expression " + node.getKind().lowerName);
        };
    }

    private Object parameter(RexDynamicParam param) {
        int index = param.getIndex();
        if (index < 0 || index >= parameters.size()) {
            throw new PgException(SqlState.UNDEFINED_PARAMETER, "there is no parameter $" + (index + 1));
        }
        return Casts.toClass(parameters.get(index), ValueType.of(param.getType()));
    }

    private Evaluator compileCall(RexCall call) {
        List<RexNode> operands = call.getOperands();
        SqlKind kind = call.getKind();
        if (ValueType.of(call.getType()) == ValueType.JSONB && operands.size() == 2) {
            // jsonb's || and - share their names with text's and arithmetic's
            Evaluator jsonb = JsonFunctions.jsonbOperator(call.getOperator().getName(), call, compile(operands));
            if (jsonb != null) {
                return jsonb;
            }
        }
        if (kind.belongsTo(SqlKind.COMPARISON) && operands.size() == 2
                && ValueType.of(operands.get(0).getType()) == ValueType.JSON) {
            throw JsonFunctions.noJsonComparison(call.getOperator().getName());
        }
        return switch (kind) {
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL ->
                    new Comparison(kind, compile(operands.get(0)), compile(operands.get(1)), bothBlankPadded(operands));
            case AND -> new And(compile(operands));
            case OR -> new Or(compile(operands));
            case NOT -> new Not(compile(operands.get(0)));
            case IS_NULL, IS_UNKNOWN -> new NullCheck(compile(operands.get(0)), false);
            case IS_NOT_NULL -> new NullCheck(compile(operands.get(0)), true);
            case IS_TRUE -> new TruthCheck(compile(operands.get(0)), Boolean.TRUE, false);
            case IS_NOT_TRUE -> new TruthCheck(compile(operands.get(0)), Boolean.TRUE, true);
            case IS_FALSE -> new TruthCheck(compile(operands.get(0)), Boolean.FALSE, false);
            case IS_NOT_FALSE -> new TruthCheck(compile(operands.get(0)), Boolean.FALSE, true);
            case IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM -> new DistinctFrom(compile(operands.get(0)),
                    compile(operands.get(1)), bothBlankPadded(operands), kind == SqlKind.IS_NOT_DISTINCT_FROM);
            case PLUS, CHECKED_PLUS -> binary(ArithmeticOp.ADD, call);
            case MINUS, CHECKED_MINUS -> binary(ArithmeticOp.SUBTRACT, call);
            case TIMES, CHECKED_TIMES -> binary(ArithmeticOp.MULTIPLY, call);
            case DIVIDE, CHECKED_DIVIDE -> binary(ArithmeticOp.DIVIDE, call);
            case MOD -> binary(ArithmeticOp.MODULO, call);
            case MINUS_PREFIX, CHECKED_MINUS_PREFIX -> new Negate(compile(operands.get(0)), ValueType.of(call.getType()));
            case PLUS_PREFIX, REINTERPRET -> compile(operands.get(0));
            case CAST -> cast(call);
            case CASE -> caseWhen(call);
            case COALESCE -> new ToClass(new Coalesce(compile(operands)), ValueType.of(call.getType()));
            case NULLIF -> new NullIf(compile(operands.get(0)), compile(operands.get(1)));
            case LIKE -> like(call);
            case SIMILAR -> similar(call);
            case SEARCH -> compile(RexUtil.expandSearch(rexBuilder, null, call));
            default -> {
                if (call.getOperator() instanceof SystemFunctionOperator function) {
                    yield new ToClass(new SystemFunctionCall(function.function(), compile(operands), session),
                            ValueType.of(call.getType()));
                }
                Evaluator sessionValue = SessionValues.resolve(call, session);
                if (sessionValue != null) {
                    yield sessionValue;
                }
                if (call.getOperator().getName().equals("||") && call.getType().getSqlTypeName() == SqlTypeName.ARRAY) {
                    Evaluator left = compile(operands.get(0));
                    Evaluator right = compile(operands.get(1));
                    boolean leftArray = operands.get(0).getType().getSqlTypeName() == SqlTypeName.ARRAY;
                    boolean rightArray = operands.get(1).getType().getSqlTypeName() == SqlTypeName.ARRAY;
                    yield row -> ArrayFunctions.concat(left.evaluate(row), leftArray, right.evaluate(row), rightArray);
                }
                if (call.getOperator().getName().equals("||")) {
                    // a quoted literal is of unknown type in PostgreSQL, which || takes as text: its spaces stay
                    yield new Concat(compile(operands.get(0)), compile(operands.get(1)),
                            Functions.isBlankPaddedValue(operands.get(0)),
                            Functions.isBlankPaddedValue(operands.get(1)));
                }
                yield Functions.resolve(call, compile(operands), statementTime);
            }
        };
    }

    private static boolean bothBlankPadded(List<RexNode> operands) {
        return Functions.isBlankPadded(operands.get(0)) && Functions.isBlankPadded(operands.get(1));
    }

    private Evaluator binary(ArithmeticOp op, RexCall call) {
        List<RexNode> operands = call.getOperands();
        if (isDateTimeArithmetic(call)) {
            return new ToClass(new BinaryArithmetic(compile(operands.get(0)), compile(operands.get(1)),
                    new DateTimeArithmetic(op)), ValueType.of(call.getType()));
        }
        Arithmetic arithmetic = arithmetic(op, call);
        Evaluator evaluator = new BinaryArithmetic(compile(operands.get(0)), compile(operands.get(1)), arithmetic);
        ValueType resultType = ValueType.of(call.getType());
        boolean sameClass = arithmetic instanceof IntegerArithmetic
                || arithmetic instanceof NumericArithmetic && resultType == ValueType.NUMERIC
                || arithmetic instanceof FloatArithmetic && resultType.isApproximate();
        return sameClass ? evaluator : new ToClass(evaluator, resultType);
    }

    /** Returns whether an arithmetic call has an interval or datetime operand or result. */
    private static boolean isDateTimeArithmetic(RexCall call) {
        if (isDateTime(ValueType.of(call.getType()))) {
            return true;
        }
        for (RexNode operand : call.getOperands()) {
            if (isDateTime(ValueType.of(operand.getType()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDateTime(ValueType type) {
        return type == ValueType.INTERVAL || type == ValueType.DATE || type == ValueType.TIME
                || type == ValueType.TIMESTAMP || type == ValueType.TIMESTAMPTZ;
    }

    /** Chooses the number domain of an arithmetic call from its operand and result types. */
    static Arithmetic arithmetic(ArithmeticOp op, RexCall call) {
        ValueType resultType = ValueType.of(call.getType());
        boolean approximate = resultType.isApproximate();
        boolean numeric = resultType == ValueType.NUMERIC;
        for (RexNode operand : call.getOperands()) {
            ValueType type = ValueType.of(operand.getType());
            if (!type.isNumeric() && operand.getType().getSqlTypeName() != SqlTypeName.NULL) {
                throw PgErrors.functionNotSupported(call.getOperator().getName() + " on " + type.sqlName());
            }
            approximate |= type.isApproximate();
            numeric |= type == ValueType.NUMERIC;
        }
        if (approximate) {
            return new FloatArithmetic(op, resultType == ValueType.REAL);
        }
        if (numeric) {
            return new NumericArithmetic(op);
        }
        if (resultType.isIntegral()) {
            return new IntegerArithmetic(op, resultType);
        }
        throw PgErrors.functionNotSupported(call.getOperator().getName() + " returning " + resultType.sqlName());
    }

    private Evaluator cast(RexCall call) {
        RexNode operand = call.getOperands().get(0);
        RelDataType from = operand.getType();
        RelDataType to = call.getType();
        Evaluator value = compile(operand);
        if (to.getSqlTypeName() == SqlTypeName.ARRAY) {
            return ArrayCast.of(value, to, targetOf(to.getComponentType()), false);
        }
        if (from.getSqlTypeName() == SqlTypeName.ARRAY) {
            // to a character type, the only cast the planner lets an array take: its text, then the length
            return new Cast(ArrayCast.toText(value, from), targetOf(to), false);
        }
        if (from.getSqlTypeName() == to.getSqlTypeName() && from.getPrecision() == to.getPrecision()
                && from.getScale() == to.getScale()) {
            return value;
        }
        TargetType target = targetOf(to);
        if (target.kind() == ValueType.OTHER && !RexUtil.isNullLiteral(operand, true)) {
            throw PgErrors.notSupported("cast to " + to.getSqlTypeName().getName().toLowerCase(Locale.ROOT));
        }
        if (from.getSqlTypeName() == SqlTypeName.CHAR && !(operand instanceof RexLiteral)
                && (target.kind() == ValueType.VARCHAR || target.kind() == ValueType.TEXT)) {
            value = new StripPadding(value);
        }
        return new Cast(value, target, false);
    }

    private Evaluator caseWhen(RexCall call) {
        List<RexNode> operands = call.getOperands();
        int branches = operands.size() / 2;
        Evaluator[] conditions = new Evaluator[branches];
        Evaluator[] results = new Evaluator[branches];
        ValueType resultType = ValueType.of(call.getType());
        for (int i = 0; i < branches; i++) {
            conditions[i] = compile(operands.get(2 * i));
            results[i] = new ToClass(compile(operands.get(2 * i + 1)), resultType);
        }
        Evaluator otherwise = operands.size() % 2 == 1
                ? new ToClass(compile(operands.get(operands.size() - 1)), resultType)
                : new Constant(null);
        return new Case(conditions, results, otherwise);
    }

    private Evaluator similar(RexCall call) {
        List<RexNode> operands = call.getOperands();
        boolean negated = call.getOperator() instanceof SqlLikeOperator similar && similar.isNegated();
        Evaluator escape = operands.size() > 2 ? compile(operands.get(2)) : null;
        return new SimilarTo(compile(operands.get(0)), compile(operands.get(1)), escape, negated);
    }

    private Evaluator like(RexCall call) {
        List<RexNode> operands = call.getOperands();
        boolean negated = false;
        boolean caseSensitive = true;
        if (call.getOperator() instanceof SqlLikeOperator like) {
            negated = like.isNegated();
            caseSensitive = like.isCaseSensitive();
        }
        Evaluator escape = operands.size() > 2 ? compile(operands.get(2)) : null;
        return new Like(compile(operands.get(0)), compile(operands.get(1)), escape, caseSensitive, negated,
                Functions.isBlankPadded(operands.get(0)));
    }
}
