package org.modgres.executor.impl.operator;

import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.modgres.executor.impl.expr.DateTimeSeries;
import org.modgres.executor.impl.expr.Evaluator;
import org.modgres.executor.impl.expr.ExpressionCompiler;
import org.modgres.executor.impl.expr.JsonSetFunctions;
import org.modgres.executor.impl.value.Casts;
import org.modgres.executor.impl.value.PgErrors;
import org.modgres.executor.impl.value.ValueType;

/** The operators of set-returning functions in FROM: generate_series (over numbers or timestamps) and json's. */
final class TableFunctions {

    private TableFunctions() {
    }

    static Operator operator(TableFunctionScan scan, ExpressionCompiler compiler, Interrupts interrupts) {
        if (scan.getCall() instanceof RexCall json && scan.getInputs().isEmpty() && json.getOperands().size() == 1
                && JsonSetFunctions.isJsonSetFunction(json.getOperator().getName())) {
            String function = json.getOperator().getName();
            Evaluator argument = compiler.compile(json.getOperands().getFirst());
            // evaluated on every open, so that a correlated call starts anew for each outer row
            return new RowsOnOpenOperator(
                    () -> JsonSetFunctions.rows(function, argument.evaluate(new Object[0])).iterator(), interrupts);
        }
        if (!(scan.getCall() instanceof RexCall call) || !call.getOperator().getName().equals("generate_series")
                || !scan.getInputs().isEmpty()) {
            throw PgErrors.notSupported("function " + scan.getCall() + " in FROM");
        }
        ValueType type = ValueType.of(scan.getRowType().getFieldList().get(0).getType());
        if (type == ValueType.TIMESTAMP || type == ValueType.TIMESTAMPTZ) {
            Evaluator[] bounds = compiler.compile(call.getOperands());
            Object[] none = new Object[0];
            // evaluated on every open, so that a correlated call starts anew for each outer row
            return new RowsOnOpenOperator(() -> new DateTimeSeries(Casts.toClass(bounds[0].evaluate(none), type),
                    Casts.toClass(bounds[1].evaluate(none), type),
                    Casts.toClass(bounds[2].evaluate(none), ValueType.INTERVAL)), interrupts);
        }
        boolean bigint = type == ValueType.BIGINT;
        return new GenerateSeriesOperator(compiler.compile(call.getOperands()), bigint, interrupts);
    }
}
