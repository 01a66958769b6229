package org.modgres.shmem.impl;

import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableInfo;

/**
 * One transaction's view of an in-memory table: scans return the versions its snapshot sees;
 * changes go through the transaction, which locks, logs and undoes them.
 */
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
        transaction.checkActive();
        return new SnapshotScan(table.rows().cursor(), transaction.snapshot(), transaction.xid());
    }

    @Override
    public RowScan lookup(Object[] key) {
        transaction.checkActive();
        RowKey wanted = table.lookupKey(key);
        PrimaryKeyIndex index = table.primaryKey();
        Snapshot snapshot = transaction.snapshot();
        long self = transaction.xid();
        for (long rowId : index.ids(wanted)) {
            RowVersion newest = table.newest(rowId);
            RowVersion visible = newest == null ? null : snapshot.visible(newest, self);
            if (visible != null && index.keyOf(visible.values).equals(wanted)) {
                return new SingleRowScan(rowId, visible.values);
            }
        }
        return new SingleRowScan(0, null);
    }

    @Override
    public void insert(Object[] row) {
        transaction.rowChanges().insert(table, row.clone());
    }

    @Override
    public void update(long rowId, Object[] newRow) {
        transaction.rowChanges().update(table, rowId, newRow.clone());
    }

    @Override
    public boolean delete(long rowId) {
        return transaction.rowChanges().delete(table, rowId);
    }

    /** The rows of a table a snapshot sees, in row-id order. */
    private static final class SnapshotScan implements RowScan {
        private final RowStore.Cursor rows;
        private final Snapshot snapshot;
        private final long self;
        private long rowId;
        private Object[] values;

        SnapshotScan(RowStore.Cursor rows, Snapshot snapshot, long self) {
            this.rows = rows;
            this.snapshot = snapshot;
            this.self = self;
        }

        @Override
        public boolean next() {
            while (rows.next()) {
                RowVersion visible = snapshot.visible(rows.version(), self);
                if (visible != null) {
                    rowId = rows.id();
                    values = visible.values;
                    return true;
                }
            }
            values = null;
            return false;
        }

        @Override
        public Object[] row() {
            return values;
        }

        @Override
        public long rowId() {
            return rowId;
        }

        @Override
        public void close() {
            values = null;
        }
    }

    /** A scan over at most one row, found through the primary key. */
    private static final class SingleRowScan implements RowScan {
        private final long rowId;
        private Object[] pending;
        private Object[] values;

        SingleRowScan(long rowId, Object[] values) {
            this.rowId = rowId;
            this.pending = values;
        }

        @Override
        public boolean next() {
            values = pending;
            pending = null;
            return values != null;
        }

        @Override
        public Object[] row() {
            return values;
        }

        @Override
        public long rowId() {
            return rowId;
        }

        @Override
        public void close() {
            pending = null;
            values = null;
        }
    }
}
