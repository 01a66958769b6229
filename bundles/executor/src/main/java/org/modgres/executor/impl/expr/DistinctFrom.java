package org.modgres.executor.impl.expr;

import org.modgres.executor.impl.value.Comparisons;

/** IS [NOT] DISTINCT FROM: equality where NULL equals NULL, never NULL itself. */
record DistinctFrom(Evaluator left, Evaluator right, boolean blankPadded, boolean negated) implements Evaluator {

    @Override
    public Object evaluate(Object[] row) {
        Object a = left.evaluate(row);
        Object b = right.evaluate(row);
        boolean distinct;
        if (a == null || b == null) {
            distinct = a != b;
        } else if (blankPadded) {
            distinct = Comparisons.compareBlankPadded((String) a, (String) b) != 0;
        } else {
            distinct = !Comparisons.equal(a, b);
        }
        return distinct != negated;
    }
}
