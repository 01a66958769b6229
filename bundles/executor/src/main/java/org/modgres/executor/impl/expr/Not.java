package org.modgres.executor.impl.expr;

/** NOT: NULL stays NULL. */
record Not(Evaluator operand) implements Evaluator {

    @Override
    public Object evaluate(Object[] row) {
        Object value = operand.evaluate(row);
        return value == null ? null : !(Boolean) value;
    }
}
