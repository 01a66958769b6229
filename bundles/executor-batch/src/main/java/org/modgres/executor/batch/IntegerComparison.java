package org.modgres.executor.batch;

import org.apache.calcite.sql.SqlKind;
import org.modgres.executor.impl.expr.Evaluator;

/**
 * A vector kernel for {@code column <op> constant} over an integer column: one loop over the
 * batch comparing primitive longs, with no evaluator call and no boxing per row. A value of an
 * unexpected class goes to the row evaluator of the same conjunct, so the result is always the
 * default executor's.
 */
final class IntegerComparison implements BatchCondition {

    private final int column;
    private final SqlKind comparison;
    private final long constant;
    private final Evaluator fallback;

    /** @param comparison one of =, <>, <, <=, >, >= with the column on the left */
    IntegerComparison(int column, SqlKind comparison, long constant, Evaluator fallback) {
        this.column = column;
        this.comparison = comparison;
        this.constant = constant;
        this.fallback = fallback;
    }

    @Override
    public int select(Object[][] rows, int size) {
        return switch (comparison) {
            case EQUALS -> select(rows, size, constant, constant, true);
            case NOT_EQUALS -> select(rows, size, constant, constant, false);
            case LESS_THAN -> select(rows, size, Long.MIN_VALUE, constant - 1, true);
            case LESS_THAN_OR_EQUAL -> select(rows, size, Long.MIN_VALUE, constant, true);
            case GREATER_THAN -> select(rows, size, constant + 1, Long.MAX_VALUE, true);
            case GREATER_THAN_OR_EQUAL -> select(rows, size, constant, Long.MAX_VALUE, true);
            default -> throw new IllegalStateException("not a comparison: " + comparison);
        };
    }

    /**
     * Keeps the rows whose value lies in {@code [low, high]} ({@code inside}) or outside it; the
     * bounds never overflow (see {@link #fits}).
     */
    private int select(Object[][] rows, int size, long low, long high, boolean inside) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            Object[] row = rows[i];
            Object value = row[column];
            boolean pass;
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                long v = ((Number) value).longValue();
                pass = (v >= low && v <= high) == inside;
            } else {
                pass = value != null && fallback.evaluate(row) == Boolean.TRUE;
            }
            if (pass) {
                rows[kept++] = row;
            }
        }
        return kept;
    }

    /** Tells whether a bound of the kernel can be formed without overflowing a long. */
    static boolean fits(SqlKind comparison, long constant) {
        return switch (comparison) {
            case LESS_THAN -> constant != Long.MIN_VALUE;
            case GREATER_THAN -> constant != Long.MAX_VALUE;
            default -> true;
        };
    }

    @Override
    public String toString() {
        return "$" + column + " " + comparison.sql + " " + constant;
    }
}
