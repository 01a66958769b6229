package org.modgres.executor.impl.expr;

import org.modgres.executor.impl.value.Comparisons;

/** character(n) to text or varchar: PostgreSQL drops the trailing spaces. */
record StripPadding(Evaluator operand) implements Evaluator {

    @Override
    public Object evaluate(Object[] row) {
        Object value = operand.evaluate(row);
        return value instanceof String s ? Comparisons.stripTrailingSpaces(s) : value;
    }
}
