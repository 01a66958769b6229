package org.modgres.shmem.impl;

import java.util.Iterator;
import java.util.Map;

import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableInfo;

/** One transaction's view of an in-memory table; changes go through the transaction, which logs them. */
final class MemoryTableAccess implements TableAccess {

    private final MemoryTable table;
    private final MemoryTransaction transaction;

    MemoryTableAccess(MemoryTable table, MemoryTransaction transaction) {
        this.table = table;
        this.transaction = transaction;
    }

    @Override
    public TableInfo info() {
        return table.info();
    }

    @Override
    public RowScan scan() {
        Iterator<Map.Entry<Long, Object[]>> rows = table.rows().entrySet().iterator();
        return new RowScan() {
            private Map.Entry<Long, Object[]> current;

            @Override
            public boolean next() {
                current = rows.hasNext() ? rows.next() : null;
                return current != null;
            }

            @Override
            public Object[] row() {
                return current.getValue();
            }

            @Override
            public long rowId() {
                return current.getKey();
            }

            @Override
            public void close() {
                current = null;
            }
        };
    }

    @Override
    public void insert(Object[] row) {
        transaction.insert(table, row.clone());
    }

    @Override
    public void update(long rowId, Object[] newRow) {
        transaction.update(table, rowId, newRow.clone());
    }

    @Override
    public boolean delete(long rowId) {
        return transaction.delete(table, rowId);
    }
}
