package org.modgres.executor.impl;

import org.modgres.api.exec.RowCursor;
import org.modgres.executor.impl.operator.Operator;
import org.modgres.executor.impl.value.Casts;
import org.modgres.executor.impl.value.ValueType;

/**
 * The rows of a query, computed as the session pulls them. The operators open on the first
 * pull and close at the end, on an error, or when the session closes the cursor.
 */
final class QueryCursor implements RowCursor {

    private final Operator root;
    private final ValueType[] columnTypes;
    private boolean opened;
    private boolean closed;
    private long count;

    /** @param columnTypes the type of each result column, whose Java classes the rows are brought to */
    QueryCursor(Operator root, ValueType[] columnTypes) {
        this.root = root;
        this.columnTypes = columnTypes;
    }

    @Override
    public Object[] next() {
        if (closed) {
            return null;
        }
        try {
            if (!opened) {
                opened = true;
                root.open();
            }
            Object[] row = root.next();
            if (row == null) {
                close();
                return null;
            }
            count++;
            return convert(row);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private Object[] convert(Object[] row) {
        return convert(row, columnTypes);
    }

    /** Returns the row with each value in its column's class, copying it only when a value changes. */
    static Object[] convert(Object[] row, ValueType[] columnTypes) {
        Object[] out = row;
        for (int i = 0; i < row.length && i < columnTypes.length; i++) {
            if (columnTypes[i] == ValueType.OTHER) {
                continue;
            }
            Object converted = Casts.toClass(row[i], columnTypes[i]);
            if (converted != row[i]) {
                if (out == row) {
                    out = row.clone();
                }
                out[i] = converted;
            }
        }
        return out;
    }

    @Override
    public long rowCount() {
        return count;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            root.close();
        }
    }
}
