package org.modgres.executor.impl.operator;

import java.util.Iterator;

/** Reads a recursive query's working table: the rows its previous iteration produced. */
final class WorkingTableScanOperator implements Operator {

    private final WorkingTable table;
    private Iterator<Object[]> rows;

    WorkingTableScanOperator(WorkingTable table) {
        this.table = table;
    }

    @Override
    public void open() {
        rows = table.rows().iterator();
    }

    @Override
    public Object[] next() {
        return rows != null && rows.hasNext() ? rows.next() : null;
    }

    @Override
    public void close() {
        rows = null;
    }
}
