package org.modgres.executor.impl.expr;

import org.apache.calcite.sql.SqlKind;
import org.modgres.executor.impl.value.Comparisons;

/** {@code = <> < <= > >=}: NULL when either side is NULL. */
final class Comparison implements Evaluator {

    private final SqlKind kind;
    private final Evaluator left;
    private final Evaluator right;
    private final boolean blankPadded;

    /** @param blankPadded true when both sides are character(n), whose trailing spaces do not count */
    Comparison(SqlKind kind, Evaluator left, Evaluator right, boolean blankPadded) {
        this.kind = kind;
        this.left = left;
        this.right = right;
        this.blankPadded = blankPadded;
    }

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
        int c = blankPadded ? Comparisons.compareBlankPadded((String) a, (String) b) : Comparisons.compare(a, b);
        return switch (kind) {
            case EQUALS -> c == 0;
            case NOT_EQUALS -> c != 0;
            case LESS_THAN -> c < 0;
            case LESS_THAN_OR_EQUAL -> c <= 0;
            case GREATER_THAN -> c > 0;
            case GREATER_THAN_OR_EQUAL -> c >= 0;
            default -> throw new IllegalStateException("not a comparison: " + kind);
        };
    }
}
