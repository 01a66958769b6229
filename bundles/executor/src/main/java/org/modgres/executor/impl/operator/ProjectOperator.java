package org.modgres.executor.impl.operator;

import org.modgres.executor.impl.expr.Evaluator;

/** Computes a new row from each input row, one expression per output column. */
final class ProjectOperator implements Operator {

    private final Operator input;
    private final Evaluator[] expressions;

    ProjectOperator(Operator input, Evaluator[] expressions) {
        this.input = input;
        this.expressions = expressions;
    }

    @Override
    public void open() {
        input.open();
    }

    @Override
    public Object[] next() {
        Object[] row = input.next();
        if (row == null) {
            return null;
        }
        Object[] out = new Object[expressions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = expressions[i].evaluate(row);
        }
        return out;
    }

    @Override
    public void close() {
        input.close();
    }
}
