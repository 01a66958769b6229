package org.modgres.executor.impl.expr;

import org.modgres.executor.impl.value.Comparisons;
import org.modgres.executor.impl.value.TextFormat;

/** The {@code ||} operator: NULL when either side is NULL; character(n) loses its padding first. */
record Concat(Evaluator left, Evaluator right, boolean leftPadded, boolean rightPadded) implements Evaluator {

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
        return text(a, leftPadded) + text(b, rightPadded);
    }

    private static String text(Object value, boolean padded) {
        String text = TextFormat.format(value);
        return padded ? Comparisons.stripTrailingSpaces(text) : text;
    }
}
