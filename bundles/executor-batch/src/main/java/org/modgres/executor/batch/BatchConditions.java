package org.modgres.executor.batch;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.modgres.api.error.PgException;
import org.modgres.executor.impl.expr.Evaluator;
import org.modgres.executor.impl.expr.ExpressionCompiler;
import org.modgres.executor.impl.value.ValueType;

/** Splits a filter's condition into conjuncts and gives each a vector kernel where one fits. */
final class BatchConditions {

    private final ExpressionCompiler compiler;

    BatchConditions(ExpressionCompiler compiler) {
        this.compiler = compiler;
    }

    List<BatchCondition> of(RexNode condition) {
        List<BatchCondition> result = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            result.add(kernel(conjunct));
        }
        return result;
    }

    private BatchCondition kernel(RexNode conjunct) {
        if ((conjunct.isA(SqlKind.IS_NULL) || conjunct.isA(SqlKind.IS_NOT_NULL))
                && ((RexCall) conjunct).getOperands().getFirst() instanceof RexInputRef ref) {
            return new NullCondition(ref.getIndex(), conjunct.isA(SqlKind.IS_NULL));
        }
        if (conjunct.isA(SqlKind.COMPARISON) && conjunct instanceof RexCall call
                && call.getOperands().size() == 2) {
            RexNode first = call.getOperands().get(0);
            RexNode second = call.getOperands().get(1);
            if (isIntegerColumn(first) && isIntegerConstant(second)) {
                return comparison(conjunct, (RexInputRef) first, call.getKind(), second);
            }
            if (isIntegerColumn(second) && isIntegerConstant(first)) {
                return comparison(conjunct, (RexInputRef) second, call.getKind().reverse(), first);
            }
        }
        return new EvaluatedCondition(compiler.compile(conjunct), conjunct.toString());
    }

    private BatchCondition comparison(RexNode conjunct, RexInputRef column, SqlKind kind, RexNode constant) {
        Evaluator evaluator = compiler.compile(conjunct);
        Object value;
        try {
            value = compiler.evaluateConstant(constant);
        } catch (PgException e) {
            // such as a cast out of range: the row evaluator raises it when there is a row to compare
            return new EvaluatedCondition(evaluator, conjunct.toString());
        }
        if (value == null) {
            // a comparison with NULL is never TRUE; the evaluator says so for every row
            return new EvaluatedCondition(evaluator, conjunct.toString());
        }
        if (!(value instanceof Integer || value instanceof Long || value instanceof Short)
                || !IntegerComparison.fits(kind, ((Number) value).longValue())
                || !(kind == SqlKind.EQUALS || kind == SqlKind.NOT_EQUALS || kind == SqlKind.LESS_THAN
                || kind == SqlKind.LESS_THAN_OR_EQUAL || kind == SqlKind.GREATER_THAN
                || kind == SqlKind.GREATER_THAN_OR_EQUAL)) {
            return new EvaluatedCondition(evaluator, conjunct.toString());
        }
        return new IntegerComparison(column.getIndex(), kind, ((Number) value).longValue(), evaluator);
    }

    private static boolean isIntegerColumn(RexNode node) {
        return node instanceof RexInputRef && ValueType.of(node.getType()).isIntegral();
    }

    /** Tells whether a node is an integer known before the scan: a literal, a parameter, or a cast of one between integer types. */
    private static boolean isIntegerConstant(RexNode node) {
        if (!ValueType.of(node.getType()).isIntegral()) {
            return false;
        }
        return node instanceof RexLiteral || node instanceof RexDynamicParam
                || node.isA(SqlKind.CAST) && isIntegerConstant(((RexCall) node).getOperands().getFirst());
    }
}
