package org.modgres.executor.impl.expr;

import java.util.HashMap;
import java.util.Map;

import org.apache.calcite.rel.core.CorrelationId;

/**
 * The current rows of the correlation variables of a plan: a Correlate binds the left row it is
 * at, and the expressions of its right side ({@code $cor0.field}) read it.
 */
public final class Correlations {

    private final Map<CorrelationId, Object[]> rows = new HashMap<>();

    /** Makes a variable stand for a row. */
    public void bind(CorrelationId id, Object[] row) {
        rows.put(id, row);
    }

    Object value(CorrelationId id, int field) {
        Object[] row = rows.get(id);
        if (row == null) {
            throw new IllegalStateException("correlation variable " + id + " is not bound");
        }
        return row[field];
    }
}
