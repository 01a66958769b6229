package org.modgres.shmem.impl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableInfo;
import org.modgres.shmem.impl.codec.RowCodec;
import org.modgres.shmem.impl.codec.ValueCodec;

/**
 * The rows of one table, held in memory and shared by all backends. Rows are immutable arrays:
 * an update replaces the array, so a concurrent scan sees either the old or the new row, and a
 * checkpoint can copy references to them and write them later.
 */
final class MemoryTable {

    private final TableInfo info;
    private final int[] primaryKey;
    private final RowCodec codec;
    private final ConcurrentSkipListMap<Long, Object[]> rows = new ConcurrentSkipListMap<>();
    private final Map<RowKey, Long> primaryKeyIndex = new ConcurrentHashMap<>();
    private final AtomicLong nextRowId = new AtomicLong(1);
    /** Counts every change, so that a checkpoint can tell that the table is as it last wrote it. */
    private final AtomicLong changes = new AtomicLong();
    private volatile CheckpointMark checkpointed;

    /** The change count at which a checkpoint wrote the table exactly as it was, and the file it wrote. */
    record CheckpointMark(long changes, long generation) {
    }

    MemoryTable(TableInfo info) {
        this.info = info;
        this.primaryKey = info.primaryKey().stream().mapToInt(Integer::intValue).toArray();
        this.codec = new RowCodec(info.columns());
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

    ConcurrentSkipListMap<Long, Object[]> rows() {
        return rows;
    }

    long changes() {
        return changes.get();
    }

    long nextRowId() {
        return nextRowId.get();
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

    /** Adds a row the caller no longer changes, after converting its values to their types' classes; returns its id. */
    long insert(Object[] row) {
        check(row);
        long rowId = nextRowId.getAndIncrement();
        if (primaryKey.length > 0) {
            RowKey key = RowKey.of(row, primaryKey);
            if (primaryKeyIndex.putIfAbsent(key, rowId) != null) {
                throw duplicateKey(key);
            }
        }
        rows.put(rowId, row);
        changes.incrementAndGet();
        return rowId;
    }

    /** Replaces a row with one the caller no longer changes; returns the row it replaced, or null when it is gone. */
    Object[] update(long rowId, Object[] newRow) {
        check(newRow);
        Object[] old = rows.get(rowId);
        if (old == null) {
            return null;
        }
        if (primaryKey.length > 0) {
            RowKey oldKey = RowKey.of(old, primaryKey);
            RowKey newKey = RowKey.of(newRow, primaryKey);
            if (!oldKey.equals(newKey)) {
                if (primaryKeyIndex.putIfAbsent(newKey, rowId) != null) {
                    throw duplicateKey(newKey);
                }
                primaryKeyIndex.remove(oldKey, rowId);
            }
        }
        rows.put(rowId, newRow);
        changes.incrementAndGet();
        return old;
    }

    /** Removes a row; returns it, or null when it was gone. */
    Object[] delete(long rowId) {
        Object[] old = rows.remove(rowId);
        if (old != null) {
            if (primaryKey.length > 0) {
                primaryKeyIndex.remove(RowKey.of(old, primaryKey), rowId);
            }
            changes.incrementAndGet();
        }
        return old;
    }

    /**
     * Sets a row under its id without checking it, for rows that were checked when they were first
     * stored: rollback puts old rows back, recovery puts logged and checkpointed rows.
     */
    void put(long rowId, Object[] row) {
        Object[] old = rows.put(rowId, row);
        if (primaryKey.length > 0) {
            if (old != null) {
                primaryKeyIndex.remove(RowKey.of(old, primaryKey), rowId);
            }
            primaryKeyIndex.put(RowKey.of(row, primaryKey), rowId);
        }
        reserveRowIdsBelow(rowId + 1);
        changes.incrementAndGet();
    }

    /** Puts back the old version of a row a rolled-back transaction updated, unless the row is gone since. */
    void putIfPresent(long rowId, Object[] row) {
        if (rows.containsKey(rowId)) {
            put(rowId, row);
        }
    }

    private void check(Object[] row) {
        if (row.length != info.columns().size()) {
            throw new PgException(SqlState.INTERNAL_ERROR,
                    "row has " + row.length + " values, table \"" + info.name() + "\" has " + info.columns().size()
                            + " columns");
        }
        for (int i = 0; i < row.length; i++) {
            ColumnInfo column = info.columns().get(i);
            if (row[i] == null) {
                if (column.notNull()) {
                    throw new PgException(SqlState.NOT_NULL_VIOLATION, Severity.ERROR,
                            "null value in column \"" + column.name() + "\" of relation \"" + info.name()
                                    + "\" violates not-null constraint",
                            null, null, 0, null);
                }
                continue;
            }
            try {
                row[i] = ValueCodec.canonical(column.type().type(), row[i]);
            } catch (IllegalArgumentException e) {
                throw new PgException(SqlState.INTERNAL_ERROR, "column \"" + column.name() + "\" of relation \""
                        + info.name() + "\": " + e.getMessage(), e);
            }
        }
    }

    private PgException duplicateKey(RowKey key) {
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < primaryKey.length; i++) {
            if (i > 0) {
                columns.append(", ");
                values.append(", ");
            }
            columns.append(info.columns().get(primaryKey[i]).name());
            values.append(String.valueOf(key.values()[i]));
        }
        return new PgException(SqlState.UNIQUE_VIOLATION, Severity.ERROR,
                "duplicate key value violates unique constraint \"" + info.name() + "_pkey\"",
                "Key (" + columns + ")=(" + values + ") already exists.", null, 0, null);
    }
}
