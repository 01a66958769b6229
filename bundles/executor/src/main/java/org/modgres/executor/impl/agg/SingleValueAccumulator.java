package org.modgres.executor.impl.agg;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * SINGLE_VALUE, which Calcite puts over a scalar subquery: its one value, NULL for none, and
 * PostgreSQL's error for more than one row.
 */
final class SingleValueAccumulator implements Accumulator {

    private final int argument;
    private boolean seen;
    private Object value;

    SingleValueAccumulator(int argument) {
        this.argument = argument;
    }

    @Override
    public void add(Object[] row) {
        if (seen) {
            throw new PgException(SqlState.CARDINALITY_VIOLATION,
                    "more than one row returned by a subquery used as an expression");
        }
        seen = true;
        value = row[argument];
    }

    @Override
    public Object result() {
        return value;
    }
}
