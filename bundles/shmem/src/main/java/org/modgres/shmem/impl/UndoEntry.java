package org.modgres.shmem.impl;

import org.modgres.api.storage.TableInfo;

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
            table.remove(rowId);
        }

        @Override
        public void undo(CheckpointImage image) {
            image.removeRow(table, rowId);
        }
    }

    /** An update made {@code replacing} the newest version of the row, on top of {@code previous}. */
    record RowUpdated(long sequence, MemoryTable table, long rowId, RowVersion replacing, RowVersion previous)
            implements UndoEntry {
        @Override
        public void undo(MemoryCatalog catalog) {
            table.restore(rowId, replacing, previous);
        }

        @Override
        public void undo(CheckpointImage image) {
            image.putRowIfPresent(table, rowId, previous.values);
        }
    }

    /** A delete set the xmax of {@code deleted}, the newest version of the row. */
    record RowDeleted(long sequence, MemoryTable table, long rowId, RowVersion deleted) implements UndoEntry {
        @Override
        public void undo(MemoryCatalog catalog) {
            deleted.release();
            table.changed();
        }

        @Override
        public void undo(CheckpointImage image) {
            image.putRow(table, rowId, deleted.values);
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

    /** A table was given a new definition; {@code previous} is the one it had. */
    record TableAltered(long sequence, MemoryTable table, TableInfo previous) implements UndoEntry {
        @Override
        public void undo(MemoryCatalog catalog) {
            catalog.redefine(table, previous);
        }

        @Override
        public void undo(CheckpointImage image) {
            image.redefine(table, previous);
        }
    }
}
