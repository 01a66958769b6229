package org.modgres.executor.impl;

import org.modgres.api.exec.RowCursor;

/** The result of a statement that returns no rows: only the count for its command tag. */
final class CountCursor implements RowCursor {

    private final long count;

    CountCursor(long count) {
        this.count = count;
    }

    @Override
    public Object[] next() {
        return null;
    }

    @Override
    public long rowCount() {
        return count;
    }

    @Override
    public void close() {
        // nothing is held
    }
}
