package org.modgres.executor.impl.expr;

/** COALESCE: the first non-NULL operand, evaluating no further. */
record Coalesce(Evaluator[] operands) implements Evaluator {

    @Override
    public Object evaluate(Object[] row) {
        for (Evaluator operand : operands) {
            Object value = operand.evaluate(row);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
