package org.modgres.executor.impl.operator;

import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.modgres.executor.impl.expr.Evaluator;
import org.modgres.executor.impl.expr.ExpressionCompiler;
import org.modgres.executor.impl.expr.JsonSetFunctions;
import org.modgres.executor.impl.value.PgErrors;
import org.modgres.executor.impl.value.ValueType;

/** The operators of set-returning functions in FROM: generate_series and json's. */
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
        boolean bigint = ValueType.of(scan.getRowType().getFieldList().get(0).getType()) == ValueType.BIGINT;
        return new GenerateSeriesOperator(compiler.compile(call.getOperands()), bigint, interrupts);
    }
}
