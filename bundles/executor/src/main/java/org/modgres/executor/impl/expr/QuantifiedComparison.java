package org.modgres.executor.impl.expr;

import java.util.List;

import org.apache.calcite.sql.SqlKind;
import org.modgres.executor.impl.value.Comparisons;

/**
 * {@code x op ANY (array)} and {@code x op ALL (array)}: the comparison with each element, combined
 * by OR or AND with SQL's three-valued logic, so that a NULL element makes an unmatched ANY NULL.
 */
final class QuantifiedComparison implements Evaluator {

    private final SqlKind comparison;
    private final Evaluator value;
    private final Evaluator array;
    private final boolean all;

    QuantifiedComparison(SqlKind comparison, Evaluator value, Evaluator array, boolean all) {
        this.comparison = comparison;
        this.value = value;
        this.array = array;
        this.all = all;
    }

    @Override
    public Object evaluate(Object[] row) {
        Object elements = array.evaluate(row);
        if (elements == null) {
            return null;
        }
        Object left = value.evaluate(row);
        boolean unknown = false;
        for (Object element : (List<?>) elements) {
            if (left == null || element == null) {
                unknown = true;
            } else if (holds(Comparisons.compare(left, element)) != all) {
                return !all;
            }
        }
        return unknown ? null : all;
    }

    private boolean holds(int order) {
        return switch (comparison) {
            case EQUALS -> order == 0;
            case NOT_EQUALS -> order != 0;
            case LESS_THAN -> order < 0;
            case LESS_THAN_OR_EQUAL -> order <= 0;
            case GREATER_THAN -> order > 0;
            case GREATER_THAN_OR_EQUAL -> order >= 0;
            default -> throw new IllegalStateException("comparison " + comparison);
        };
    }
}
