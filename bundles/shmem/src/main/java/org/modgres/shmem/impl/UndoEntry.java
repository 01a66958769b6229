package org.modgres.shmem.impl;

/**
 * How to take back one change of a transaction that has not committed: applied to the live tables
 * on rollback, and to a checkpoint's copy so that the copy holds committed data only.
 */
sealed interface UndoEntry {

    /** The order of the change among the changes of all transactions; later changes are undone first. */
    long sequence();

    MemoryTable table();

    void undo(MemoryCatalog catalog);

    void undo(CheckpointImage image);

    record RowInserted(long sequence, MemoryTable table, long rowId) implements UndoEntry {
        @Override
        public void undo(MemoryCatalog catalog) {
            table.delete(rowId);
        }

        @Override
        public void undo(CheckpointImage image) {
            image.removeRow(table, rowId);
        }
    }

    record RowUpdated(long sequence, MemoryTable table, long rowId, Object[] oldRow) implements UndoEntry {
        @Override
        public void undo(MemoryCatalog catalog) {
            table.putIfPresent(rowId, oldRow);
        }

        @Override
        public void undo(CheckpointImage image) {
            image.putRowIfPresent(table, rowId, oldRow);
        }
    }

    record RowDeleted(long sequence, MemoryTable table, long rowId, Object[] oldRow) implements UndoEntry {
        @Override
        public void undo(MemoryCatalog catalog) {
            table.put(rowId, oldRow);
        }

        @Override
        public void undo(CheckpointImage image) {
            image.putRow(table, rowId, oldRow);
        }
    }

    record TableCreated(long sequence, MemoryTable table) implements UndoEntry {
        @Override
        public void undo(MemoryCatalog catalog) {
            catalog.forget(table);
        }

        @Override
        public void undo(CheckpointImage image) {
            image.removeTable(table);
        }
    }

    /** The image holds dropped tables from the start (see {@link CheckpointImage}), so only rollback has work. */
    record TableDropped(long sequence, MemoryTable table) implements UndoEntry {
        @Override
        public void undo(MemoryCatalog catalog) {
            catalog.restore(table);
        }

        @Override
        public void undo(CheckpointImage image) {
        }
    }
}
