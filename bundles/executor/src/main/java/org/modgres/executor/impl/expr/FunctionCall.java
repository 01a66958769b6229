package org.modgres.executor.impl.expr;

/** A strict scalar function: NULL when any argument is NULL, otherwise the function's result. */
final class FunctionCall implements Evaluator {

    private final ScalarFunction function;
    private final Evaluator[] arguments;

    FunctionCall(ScalarFunction function, Evaluator[] arguments) {
        this.function = function;
        this.arguments = arguments;
    }

    @Override
    public Object evaluate(Object[] row) {
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            Object value = arguments[i].evaluate(row);
            if (value == null) {
                return null;
            }
            values[i] = value;
        }
        return function.apply(values);
    }
}
