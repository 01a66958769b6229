package org.modgres.executor.impl.expr;

import org.modgres.executor.impl.value.Comparisons;

/** NULLIF(a, b): NULL when a = b, otherwise a. */
record NullIf(Evaluator left, Evaluator right) implements Evaluator {

    @Override
    public Object evaluate(Object[] row) {
        Object a = left.evaluate(row);
        if (a == null) {
            return null;
        }
        Object b = right.evaluate(row);
        return b != null && Comparisons.equal(a, b) ? null : a;
    }
}
