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

/**
 * The rows of one table, held in memory and shared by all backends. Rows are immutable arrays:
 * an update replaces the array, so a concurrent scan sees either the old or the new row.
 */
final class MemoryTable {

    private final TableInfo info;
    private final int[] primaryKey;
    private final ConcurrentSkipListMap<Long, Object[]> rows = new ConcurrentSkipListMap<>();
    private final Map<RowKey, Long> primaryKeyIndex = new ConcurrentHashMap<>();
    private final AtomicLong nextRowId = new AtomicLong(1);

    MemoryTable(TableInfo info) {
        this.info = info;
        this.primaryKey = info.primaryKey().stream().mapToInt(Integer::intValue).toArray();
    }

    TableInfo info() {
        return info;
    }

    ConcurrentSkipListMap<Long, Object[]> rows() {
        return rows;
    }

    /** Adds a row and returns its id. */
    long insert(Object[] row) {
        checkNotNull(row);
        long rowId = nextRowId.getAndIncrement();
        if (primaryKey.length > 0) {
            RowKey key = RowKey.of(row, primaryKey);
            if (primaryKeyIndex.putIfAbsent(key, rowId) != null) {
                throw duplicateKey(key);
            }
        }
        rows.put(rowId, row);
        return rowId;
    }

    /** Replaces a row; returns the row it replaced, or null when the row is gone. */
    Object[] update(long rowId, Object[] newRow) {
        checkNotNull(newRow);
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
        return old;
    }

    /** Removes a row; returns it, or null when it was gone. */
    Object[] delete(long rowId) {
        Object[] old = rows.remove(rowId);
        if (old != null && primaryKey.length > 0) {
            primaryKeyIndex.remove(RowKey.of(old, primaryKey), rowId);
        }
        return old;
    }

    /** Puts back a row that a rolled-back transaction deleted, under its old id. */
    void restore(long rowId, Object[] row) {
        if (primaryKey.length > 0) {
            primaryKeyIndex.put(RowKey.of(row, primaryKey), rowId);
        }
        rows.put(rowId, row);
    }

    private void checkNotNull(Object[] row) {
        if (row.length != info.columns().size()) {
            throw new PgException(SqlState.INTERNAL_ERROR,
                    "row has " + row.length + " values, table \"" + info.name() + "\" has " + info.columns().size()
                            + " columns");
        }
        for (int i = 0; i < row.length; i++) {
            ColumnInfo column = info.columns().get(i);
            if (row[i] == null && column.notNull()) {
                throw new PgException(SqlState.NOT_NULL_VIOLATION, Severity.ERROR,
                        "null value in column \"" + column.name() + "\" of relation \"" + info.name()
                                + "\" violates not-null constraint",
                        null, null, 0, null);
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
