package org.modgres.executor.impl.expr;

import org.modgres.executor.impl.value.Comparisons;

/**
 * GREATEST and LEAST. PostgreSQL's forms skip NULLs; the standard forms Calcite also knows
 * are NULL when any operand is.
 */
record Extreme(Evaluator[] operands, boolean greatest, boolean ignoreNulls) implements Evaluator {

    @Override
    public Object evaluate(Object[] row) {
        Object best = null;
        for (Evaluator operand : operands) {
            Object value = operand.evaluate(row);
            if (value == null) {
                if (!ignoreNulls) {
                    return null;
                }
                continue;
            }
            if (best == null) {
                best = value;
            } else {
                int c = Comparisons.compare(value, best);
                if (greatest ? c > 0 : c < 0) {
                    best = value;
                }
            }
        }
        return best;
    }
}
