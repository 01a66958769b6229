package org.modgres.executor.impl.operator;

import java.util.List;

/** Produces constant rows (VALUES, or a one-row table for SELECT without FROM). */
final class ValuesOperator implements Operator {

    private final List<Object[]> rows;
    private int position;

    ValuesOperator(List<Object[]> rows) {
        this.rows = rows;
    }

    @Override
    public void open() {
        position = 0;
    }

    @Override
    public Object[] next() {
        return position < rows.size() ? rows.get(position++) : null;
    }

    @Override
    public void close() {
        position = rows.size();
    }
}
