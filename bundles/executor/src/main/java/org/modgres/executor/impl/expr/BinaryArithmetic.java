package org.modgres.executor.impl.expr;

/** A binary arithmetic operator: NULL when either operand is NULL. */
record BinaryArithmetic(Evaluator left, Evaluator right, Arithmetic arithmetic) implements Evaluator {

    @Override
    public Object evaluate(Object[] row) {
        Object a = left.evaluate(row);
        if (a == null) {
            return null;
        }
        Object b = right.evaluate(row);
        if (b == null) {
            return null;
        }
        return arithmetic.apply(a, b);
    }
}
