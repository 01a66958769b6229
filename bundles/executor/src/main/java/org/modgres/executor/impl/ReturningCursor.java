package org.modgres.executor.impl;

import java.util.Iterator;
import java.util.List;

import org.modgres.api.exec.RowCursor;
import org.modgres.executor.impl.dml.RowPipeline;
import org.modgres.executor.impl.value.ValueType;

/**
 * The rows of DML with RETURNING. The changes are made before the cursor exists; each changed
 * row's RETURNING values are computed as the session pulls it. The row count is the rows changed.
 */
final class ReturningCursor implements RowCursor {

    private final Iterator<Object[]> changed;
    private final RowPipeline returning;
    private final long count;
    private final ValueType[] columnTypes;
    private boolean closed;

    ReturningCursor(List<Object[]> changed, RowPipeline returning, long count, ValueType[] columnTypes) {
        this.changed = changed.iterator();
        this.returning = returning;
        this.count = count;
        this.columnTypes = columnTypes;
    }

    @Override
    public Object[] next() {
        while (!closed && changed.hasNext()) {
            Object[] row = returning.apply(changed.next());
            if (row != null) {
                return QueryCursor.convert(row, columnTypes);
            }
        }
        return null;
    }

    @Override
    public long rowCount() {
        return count;
    }

    @Override
    public void close() {
        closed = true;
    }
}
