package org.modgres.executor.impl;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;

/** A storage double: tables as ordered maps from row id to row, one transaction that never ends. */
final class InMemoryStorage implements Transaction {

    private final Map<String, Table> tables = new LinkedHashMap<>();
    private long nextOid = 16384;

    @Override
    public long id() {
        return 1;
    }

    @Override
    public TableAccess table(String schema, String name) {
        Table table = tables.get(schema + "." + name);
        if (table == null) {
            throw new PgException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
        }
        return table;
    }

    @Override
    public TableInfo createTable(TableDefinition definition) {
        String key = definition.schema() + "." + definition.name();
        if (tables.containsKey(key)) {
            throw new PgException(SqlState.DUPLICATE_TABLE, "relation \"" + definition.name() + "\" already exists");
        }
        TableInfo info = new TableInfo(nextOid++, definition.schema(), definition.name(), definition.columns(),
                definition.primaryKey());
        tables.put(key, new Table(info));
        return info;
    }

    @Override
    public void dropTable(String schema, String name) {
        if (tables.remove(schema + "." + name) == null) {
            throw new PgException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
        }
    }

    @Override
    public void commit() {
    }

    @Override
    public void rollback() {
    }

    List<TableInfo> tables() {
        return tables.values().stream().map(Table::info).toList();
    }

    /** Returns a table's rows in insertion order. */
    List<Object[]> rows(String name) {
        return new ArrayList<>(((Table) table("public", name)).rows.values());
    }

    static final class Table implements TableAccess {

        private final TableInfo info;
        private final Map<Long, Object[]> rows = new LinkedHashMap<>();
        private long nextRowId = 1;

        Table(TableInfo info) {
            this.info = info;
        }

        @Override
        public TableInfo info() {
            return info;
        }

        @Override
        public RowScan scan() {
            Iterator<Map.Entry<Long, Object[]>> iterator = new ArrayList<>(rows.entrySet()).iterator();
            return new RowScan() {
                private Map.Entry<Long, Object[]> current;

                @Override
                public boolean next() {
                    current = iterator.hasNext() ? iterator.next() : null;
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
                }
            };
        }

        @Override
        public void insert(Object[] row) {
            check(row, -1);
            rows.put(nextRowId++, row.clone());
        }

        @Override
        public void update(long rowId, Object[] newRow) {
            check(newRow, rowId);
            rows.put(rowId, newRow.clone());
        }

        @Override
        public boolean delete(long rowId) {
            return rows.remove(rowId) != null;
        }

        private void check(Object[] row, long self) {
            List<ColumnInfo> columns = info.columns();
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("row of " + row.length + " values for " + columns.size() + " columns");
            }
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null && columns.get(i).notNull()) {
                    throw new PgException(SqlState.NOT_NULL_VIOLATION, "null value in column \""
                            + columns.get(i).name() + "\" of relation \"" + info.name() + "\" violates not-null constraint");
                }
                Class<?> expected = columns.get(i).type().type().javaClass();
                if (row[i] != null && !expected.isInstance(row[i])) {
                    throw new AssertionError("column " + columns.get(i).name() + " got a " + row[i].getClass()
                            + ", expected " + expected);
                }
            }
            if (info.primaryKey().isEmpty()) {
                return;
            }
            for (Map.Entry<Long, Object[]> other : rows.entrySet()) {
                if (other.getKey() == self) {
                    continue;
                }
                boolean same = true;
                for (int key : info.primaryKey()) {
                    same &= Objects.equals(other.getValue()[key], row[key]);
                }
                if (same) {
                    throw new PgException(SqlState.UNIQUE_VIOLATION, "duplicate key value violates unique constraint \""
                            + info.name() + "_pkey\"");
                }
            }
        }
    }
}
