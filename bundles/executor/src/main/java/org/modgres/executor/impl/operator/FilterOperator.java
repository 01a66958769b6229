package org.modgres.executor.impl.operator;

import org.modgres.executor.impl.expr.Evaluator;

/** Passes on the rows for which a condition is TRUE (not FALSE, not NULL). */
final class FilterOperator implements Operator {

    private final Operator input;
    private final Evaluator condition;

    FilterOperator(Operator input, Evaluator condition) {
        this.input = input;
        this.condition = condition;
    }

    @Override
    public void open() {
        input.open();
    }

    @Override
    public Object[] next() {
        Object[] row;
        while ((row = input.next()) != null) {
            if (condition.evaluate(row) == Boolean.TRUE) {
                return row;
            }
        }
        return null;
    }

    @Override
    public void close() {
        input.close();
    }
}
