package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableIndex;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.PgType;
import org.modgres.shmem.impl.codec.RowCodec;
import org.modgres.shmem.impl.codec.ValueCodec;

/**
 * The rows of one table, shared by all backends: for each row id, the chain of its versions,
 * newest first, whose values are in the table's heap file (see {@link TupleHeap}). Versions are
 * immutable apart from their xmax (see {@link RowVersion}), so a scan reads without locks and a
 * checkpoint can copy references and write them later. A version unlinked from its chain is
 * retired, and its tuple freed once nobody can be reading it (see {@link Heaps}).
 * Which version a transaction may see or change is decided by {@link MemoryTransaction}.
 */
final class MemoryTable {

    private volatile TableInfo info;
    private volatile KeyIndex primaryKey;
    /**
     * The indexes of the table's keys: the primary key's first, then one per UNIQUE constraint,
     * then those of CREATE INDEX; all but the non-unique ones of CREATE INDEX keep their keys unique.
     */
    private volatile KeyIndex[] keyIndexes;
    private volatile RowCodec codec;
    private final Heaps heaps;
    private volatile RowStore rows;
    /**
     * The transaction that rewrote the rows for a column added or dropped, or {@link RowVersion#NONE}:
     * while it runs, other transactions' changes to the table wait for it, so that none is stored,
     * logged or replayed in the other layout.
     */
    private volatile long rewrittenBy = RowVersion.NONE;
    private final AtomicLong nextRowId = new AtomicLong(1);
    /** Counts every change, so that a checkpoint can tell that the table is as it last wrote it. */
    private final AtomicLong changes = new AtomicLong();
    /** Whether versions with keys the rows no longer have were dropped since vacuum last pruned the indexes. */
    private volatile boolean versionsDropped;
    private volatile CheckpointMark checkpointed;

    /** The change count at which a checkpoint wrote the table exactly as it was, and the file it wrote. */
    record CheckpointMark(long changes, long generation) {
    }

    MemoryTable(TableInfo info, Heaps heaps) {
        this.info = info;
        this.heaps = heaps;
        this.codec = new RowCodec(info.columns());
        this.rows = new RowStore(heaps.create(codec));
        useIndexes(info);
    }

    TableInfo info() {
        return info;
    }

    long oid() {
        return info.oid();
    }

    RowCodec codec() {
        return codec;
    }

    /** The newest version of every row, by id. */
    RowStore rows() {
        return rows;
    }

    RowVersion newest(long rowId) {
        return rows.get(rowId);
    }

    /** The primary-key index, or null when the table has no primary key. */
    KeyIndex primaryKey() {
        return primaryKey;
    }

    /** The indexes that keep keys unique, the primary key's first. */
    KeyIndex[] keyIndexes() {
        return keyIndexes;
    }

    /** An index whose leading columns are {@code columns}, in that order, or null. */
    KeyIndex indexStartingWith(List<Integer> columns) {
        for (KeyIndex index : keyIndexes) {
            if (index.width() >= columns.size()) {
                boolean leading = true;
                for (int i = 0; i < columns.size() && leading; i++) {
                    leading = index.keyColumn(i) == columns.get(i);
                }
                if (leading) {
                    return index;
                }
            }
        }
        return null;
    }

    long changes() {
        return changes.get();
    }

    long nextRowId() {
        return nextRowId.get();
    }

    long allocateRowId() {
        return nextRowId.getAndIncrement();
    }

    /** Makes sure no row id below {@code next} is handed out again. */
    void reserveRowIdsBelow(long next) {
        nextRowId.accumulateAndGet(next, Math::max);
    }

    CheckpointMark checkpointed() {
        return checkpointed;
    }

    void markCheckpointed(CheckpointMark mark) {
        checkpointed = mark;
    }

    /** Makes a version the newest of its row. */
    void install(long rowId, RowVersion version) {
        rows.set(rowId, version);
        changes.incrementAndGet();
    }

    /** Counts a change that leaves the versions as they are (a delete marks the newest version). */
    void changed() {
        changes.incrementAndGet();
    }

    /** Removes a row with all its versions: an insert rolled back, or a delete replayed at recovery. */
    void remove(long rowId) {
        RowVersion removed = rows.remove(rowId);
        if (removed != null) {
            Object[] values = removed.values();
            for (KeyIndex index : keyIndexes) {
                index.remove(index.keyOf(values), rowId);
            }
            removed.retireChain();
            changes.incrementAndGet();
        }
    }

    /** Takes back {@code replacing}, the version a rolled-back update made, making {@code previous} the newest again. */
    void restore(long rowId, RowVersion replacing, RowVersion previous) {
        rows.set(rowId, previous);
        previous.release();
        Object[] newValues = replacing.values();
        Object[] oldValues = previous.values();
        for (KeyIndex index : keyIndexes) {
            RowKey newKey = index.keyOf(newValues);
            if (!newKey.equals(index.keyOf(oldValues))) {
                index.remove(newKey, rowId);
            }
        }
        replacing.retire();
        changes.incrementAndGet();
    }

    /**
     * Sets a row under its id as a version every transaction sees, without checks: for rows that
     * were checked when they were first stored (recovery puts logged and checkpointed rows).
     */
    void put(long rowId, Object[] row) {
        RowStore store = rows;
        RowVersion old = store.set(rowId, new RowVersion(store.heap(), row, RowVersion.FROZEN, null));
        Object[] oldValues = old == null ? null : old.values();
        for (KeyIndex index : keyIndexes) {
            if (old != null) {
                index.remove(index.keyOf(oldValues), rowId);
            }
            index.put(index.keyOf(row), rowId);
        }
        if (old != null) {
            old.retireChain();
        }
        reserveRowIdsBelow(rowId + 1);
        changes.incrementAndGet();
    }

    /**
     * Returns a copy of every row with all its versions, their values changed by {@code change},
     * under the same ids: the rows of a new layout, which a scan under way does not see.
     */
    RowStore rewrittenRows(UnaryOperator<Object[]> change, TableInfo newInfo) {
        RowStore copy = new RowStore(heaps.create(new RowCodec(newInfo.columns())));
        for (RowStore.Cursor row = rows.cursor(); row.next(); ) {
            copy.set(row.id(), rewritten(copy.heap(), row.version(), change));
        }
        return copy;
    }

    private static RowVersion rewritten(TupleHeap heap, RowVersion version, UnaryOperator<Object[]> change) {
        // chains are short: vacuum and updates keep cutting them
        RowVersion older = version.older() == null ? null : rewritten(heap, version.older(), change);
        return version.withValues(heap, change.apply(version.values()), older);
    }

    /** Gives the table new rows in a new layout with the definition that describes them. */
    void replaceRows(RowStore newRows, TableInfo newInfo) {
        rows = newRows;
        codec = newRows.heap().codec();
        redefine(newInfo);
    }

    long rewrittenBy() {
        return rewrittenBy;
    }

    void rewrittenBy(long xid) {
        rewrittenBy = xid;
    }

    /**
     * Gives the table a new definition with the same columns (a key added or taken back) and
     * rebuilds its indexes from every version.
     */
    void redefine(TableInfo newInfo) {
        KeyIndex[] indexes = indexesFor(newInfo);
        for (KeyIndex index : indexes) {
            for (RowStore.Cursor row = rows.cursor(); row.next(); ) {
                for (RowVersion version = row.version(); version != null; version = version.older()) {
                    index.put(index.keyOf(version.values()), row.id());
                }
            }
        }
        info = newInfo;
        primaryKey = newInfo.primaryKey().isEmpty() ? null : indexes[0];
        keyIndexes = indexes;
        changes.incrementAndGet();
    }

    private void useIndexes(TableInfo newInfo) {
        KeyIndex[] indexes = indexesFor(newInfo);
        primaryKey = newInfo.primaryKey().isEmpty() ? null : indexes[0];
        keyIndexes = indexes;
    }

    /** Converts a row's values to their types' classes and checks NOT NULL; the row is changed in place. */
    void check(Object[] row) {
        TableInfo current = info;
        if (row.length != current.columns().size()) {
            throw new PgException(SqlState.INTERNAL_ERROR,
                    "row has " + row.length + " values, table \"" + current.name() + "\" has "
                            + current.columns().size() + " columns");
        }
        for (int i = 0; i < row.length; i++) {
            ColumnInfo column = current.columns().get(i);
            if (row[i] == null) {
                continue;
            }
            try {
                row[i] = ValueCodec.canonical(column.type().type(), row[i]);
            } catch (IllegalArgumentException e) {
                throw new PgException(SqlState.INTERNAL_ERROR, "column \"" + column.name() + "\" of relation \""
                        + current.name() + "\": " + e.getMessage(), e);
            }
        }
        for (int i = 0; i < row.length; i++) {
            ColumnInfo column = current.columns().get(i);
            if (row[i] == null && column.notNull()) {
                throw new PgException(SqlState.NOT_NULL_VIOLATION, Severity.ERROR,
                        "null value in column \"" + column.name() + "\" of relation \"" + current.name()
                                + "\" violates not-null constraint",
                        FailingRow.detail(current, row), null, 0, null);
            }
        }
    }

    /** Converts key values to the key columns' classes, so that they compare with stored keys. */
    RowKey lookupKey(Object[] key) {
        KeyIndex index = primaryKey;
        if (index == null) {
            throw new IllegalStateException("table \"" + info.name() + "\" has no primary key");
        }
        Object[] values = new Object[index.width()];
        for (int i = 0; i < values.length; i++) {
            Object value = key[i];
            values[i] = value == null ? null
                    : ValueCodec.canonical(info.columns().get(index.keyColumn(i)).type().type(), value);
        }
        return RowKey.ofValues(values);
    }

    PgException duplicateKey(KeyIndex index, RowKey key) {
        int[] positions = index.keyColumns();
        return new PgException(SqlState.UNIQUE_VIOLATION, Severity.ERROR,
                "duplicate key value violates unique constraint \"" + index.constraintName() + "\"",
                "Key (" + keyColumnNames(positions) + ")=(" + keyText(key) + ") already exists.", null, 0, null);
    }

    String keyColumnNames(int[] positions) {
        List<String> names = new ArrayList<>();
        for (int position : positions) {
            names.add(info.columns().get(position).name());
        }
        return String.join(", ", names);
    }

    static String keyText(RowKey key) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < key.values().length; i++) {
            if (i > 0) {
                values.append(", ");
            }
            values.append(key.values()[i]);
        }
        return values.toString();
    }

    /**
     * Reclaims what no snapshot can see: rows whose deletion every snapshot sees, versions older
     * than one every snapshot sees, and index entries of keys no version has any more.
     *
     * @param horizon every transaction below it has ended, and every snapshot sees it
     * @return the number of rows removed
     */
    long vacuum(long horizon) {
        long removed = 0;
        for (RowStore.Cursor row = rows.cursor(); row.next(); ) {
            RowVersion head = row.version();
            long xmax = head.xmax();
            if (xmax != RowVersion.NONE && xmax < horizon) {
                if (rows.remove(row.id(), head)) {
                    head.retireChain();
                    removed++;
                }
                continue;
            }
            pruneOlder(head, null, horizon);
        }
        // the index entries to drop are of rows and versions dropped since the last look
        if (removed > 0 || versionsDropped) {
            versionsDropped = false;
            for (KeyIndex index : keyIndexes) {
                index.prune(rows::get);
            }
        }
        return removed;
    }

    /**
     * Cuts a row's chain after the newest version every snapshot sees. The index entries of a
     * key only dropped versions had are left for vacuum, which is told so; an update that kept
     * the keys (most do) leaves it nothing to do. {@code newestValues} are the newest version's
     * values when the caller has read them already, else null: reading them again decodes a tuple.
     */
    void pruneOlder(RowVersion newest, Object[] newestValues, long horizon) {
        for (RowVersion version = newest; version != null; version = version.older()) {
            if (version.xmin < horizon) {
                RowVersion dropped = version.forgetOlder();
                if (dropped != null) {
                    if (!versionsDropped && keyIndexes.length > 0 && keysDiffer(
                            version == newest && newestValues != null ? newestValues : version.values(), dropped)) {
                        versionsDropped = true;
                    }
                    dropped.retireChain();
                }
                return;
            }
        }
    }

    /** Whether one of the versions from {@code dropped} on has a key that {@code kept} does not. */
    private boolean keysDiffer(Object[] kept, RowVersion dropped) {
        if (keyIndexes.length == 0) {
            return false;
        }
        for (RowVersion version = dropped; version != null; version = version.older()) {
            Object[] values = version.values();
            for (KeyIndex index : keyIndexes) {
                for (int i = 0; i < index.width(); i++) {
                    int column = index.keyColumn(i);
                    if (!Objects.deepEquals(kept[column], values[column])) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private KeyIndex[] indexesFor(TableInfo info) {
        List<KeyIndex> indexes = new ArrayList<>();
        if (!info.primaryKey().isEmpty()) {
            indexes.add(keyIndex(info, info.name() + "_pkey", positions(info.primaryKey()), true));
        }
        for (TableConstraint.Unique unique : info.constraints(TableConstraint.Unique.class)) {
            indexes.add(keyIndex(info, unique.name(), positions(unique.columns()), true));
        }
        for (TableIndex index : info.indexes()) {
            indexes.add(keyIndex(info, index.name(), positions(index.columns()), index.unique()));
        }
        return indexes.toArray(KeyIndex[]::new);
    }

    private KeyIndex keyIndex(TableInfo info, String name, int[] columns, boolean unique) {
        boolean[] blankPadded = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            blankPadded[i] = info.columns().get(columns[i]).type().type() == PgType.BPCHAR;
        }
        return new KeyIndex(name, columns, unique, blankPadded, heaps.createTree());
    }

    private static int[] positions(List<Integer> columns) {
        return columns.stream().mapToInt(Integer::intValue).toArray();
    }
}
