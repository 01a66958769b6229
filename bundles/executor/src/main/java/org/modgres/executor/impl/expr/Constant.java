package org.modgres.executor.impl.expr;

/** A literal or a bound parameter. */
record Constant(Object value) implements Evaluator {

    @Override
    public Object evaluate(Object[] row) {
        return value;
    }
}
