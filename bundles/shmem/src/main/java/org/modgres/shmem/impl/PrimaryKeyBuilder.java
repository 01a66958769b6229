package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableInfo;

/** Checks that a table's rows allow a new primary key and returns the table's definition with it. */
final class PrimaryKeyBuilder {

    private PrimaryKeyBuilder() {
    }

    /**
     * Returns {@code current} with a primary key on {@code columnNames} and those columns NOT NULL;
     * call while no change can happen. {@code running} tells whether a transaction id runs.
     *
     * @throws PgException 42P16, 42703, 23502 or 23505 as PostgreSQL's ALTER TABLE ... ADD PRIMARY KEY
     */
    static TableInfo keyed(MemoryTable table, TableInfo current, List<String> columnNames, LongPredicate running) {
        if (!current.primaryKey().isEmpty()) {
            throw new PgException(SqlState.INVALID_TABLE_DEFINITION,
                    "multiple primary keys for table \"" + current.name() + "\" are not allowed");
        }
        List<Integer> positions = new ArrayList<>();
        for (String name : columnNames) {
            int position = current.columnIndex(name);
            if (position < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" named in key does not exist");
            }
            if (positions.contains(position)) {
                throw new PgException(SqlState.DUPLICATE_COLUMN,
                        "column \"" + name + "\" appears twice in primary key constraint");
            }
            positions.add(position);
        }
        int[] keyColumns = positions.stream().mapToInt(Integer::intValue).toArray();
        IndexBuilder.requireUniqueRows(table, current, current.name() + "_pkey", keyColumns, running, true);
        List<ColumnInfo> columns = new ArrayList<>(current.columns());
        for (int position : keyColumns) {
            ColumnInfo column = columns.get(position);
            columns.set(position, column.withNotNull(true));
        }
        return new TableInfo(current.oid(), current.schema(), current.name(), columns, positions,
                current.constraints(), current.indexes());
    }
}
