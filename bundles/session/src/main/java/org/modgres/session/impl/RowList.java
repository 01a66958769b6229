package org.modgres.session.impl;

import java.util.List;

import org.modgres.api.exec.RowCursor;

/** Rows already computed (of a utility statement, a FETCH, a cursor held past its transaction). */
final class RowList implements RowCursor {
    private final List<Object[]> rows;
    private int next;

    RowList(List<Object[]> rows) {
        this.rows = rows;
    }

    @Override
    public Object[] next() {
        return next < rows.size() ? rows.get(next++) : null;
    }

    @Override
    public long rowCount() {
        return next;
    }

    @Override
    public void close() {
        next = rows.size();
    }
}
