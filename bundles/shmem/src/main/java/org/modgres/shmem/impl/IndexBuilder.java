package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableIndex;
import org.modgres.api.storage.TableInfo;

/**
 * Checks what CREATE INDEX and DROP INDEX ask of the catalog and of a table's rows, and returns
 * the table's definition with the index added or dropped. Index names share the schema's
 * relation names with tables, sequences and the indexes of keys, as in PostgreSQL.
 */
final class IndexBuilder {

    private IndexBuilder() {
    }

    /**
     * Returns {@code current} with the index; call while no change can happen. {@code running}
     * tells whether a transaction id runs, whose deletes may still roll back.
     */
    static TableInfo withIndex(MemoryCatalog catalog, MemoryTable table, TableInfo current, TableIndex index,
                               LongPredicate running) {
        if (relationExists(catalog, current.schema(), index.name())) {
            throw new PgException(SqlState.DUPLICATE_TABLE, "relation \"" + index.name() + "\" already exists");
        }
        if (index.unique()) {
            requireUniqueRows(table, current, index.name(),
                    index.columns().stream().mapToInt(Integer::intValue).toArray(), running, false);
        }
        List<TableIndex> indexes = new ArrayList<>(current.indexes());
        indexes.add(index);
        return current.withIndexes(indexes);
    }

    /** Returns the table of the schema that has the index of CREATE INDEX with this name, or null. */
    static MemoryTable tableWithIndex(MemoryCatalog catalog, String schema, String name) {
        for (MemoryTable table : catalog.all()) {
            TableInfo info = table.info();
            if (info.schema().equals(schema) && info.indexes().stream().anyMatch(i -> i.name().equals(name))) {
                return table;
            }
        }
        return null;
    }

    /** Returns {@code current} without the named index of CREATE INDEX. */
    static TableInfo withoutIndex(TableInfo current, String name) {
        return current.withIndexes(current.indexes().stream().filter(i -> !i.name().equals(name)).toList());
    }

    /** Returns the table whose primary key or UNIQUE constraint has an index of this name, or null. */
    static TableInfo tableWithKeyIndex(MemoryCatalog catalog, String schema, String name) {
        for (MemoryTable table : catalog.all()) {
            TableInfo info = table.info();
            if (info.schema().equals(schema) && keyIndexNames(info).contains(name)) {
                return info;
            }
        }
        return null;
    }

    static boolean relationExists(MemoryCatalog catalog, String schema, String name) {
        if (catalog.table(schema, name).isPresent() || catalog.sequence(schema, name).isPresent()) {
            return true;
        }
        return tableWithIndex(catalog, schema, name) != null || tableWithKeyIndex(catalog, schema, name) != null;
    }

    private static List<String> keyIndexNames(TableInfo info) {
        List<String> names = new ArrayList<>();
        if (!info.primaryKey().isEmpty()) {
            names.add(info.name() + "_pkey");
        }
        info.constraints(TableConstraint.Unique.class).forEach(unique -> names.add(unique.name()));
        return names;
    }

    /**
     * Throws 23505 when two rows that count have the same key, as PostgreSQL's index build does;
     * with {@code keyNotNull} (a primary key), 23502 when a row has a NULL in the key. Rows whose
     * delete committed do not count; a running delete may still roll back, so its row counts.
     */
    static void requireUniqueRows(MemoryTable table, TableInfo current, String indexName, int[] keyColumns,
                                  LongPredicate running, boolean keyNotNull) {
        Map<RowKey, Long> seen = new HashMap<>();
        for (RowStore.Cursor row = table.rows().cursor(); row.next(); ) {
            RowVersion newest = row.version();
            long xmax = newest.xmax();
            if (xmax != RowVersion.NONE && !running.test(xmax)) {
                continue;
            }
            Object[] values = newest.values();
            if (keyNotNull) {
                for (int position : keyColumns) {
                    if (values[position] == null) {
                        throw new PgException(SqlState.NOT_NULL_VIOLATION, Severity.ERROR,
                                "column \"" + current.columns().get(position).name() + "\" of relation \""
                                        + current.name() + "\" contains null values", null, null, 0, null);
                    }
                }
            }
            RowKey key = RowKey.of(values, keyColumns);
            if (!key.hasNull() && seen.putIfAbsent(key, row.id()) != null) {
                throw new PgException(SqlState.UNIQUE_VIOLATION, Severity.ERROR,
                        "could not create unique index \"" + indexName + "\"",
                        "Key (" + table.keyColumnNames(keyColumns) + ")=(" + MemoryTable.keyText(key)
                                + ") is duplicated.", null, 0, null);
            }
        }
    }
}
