package org.modgres.api.storage;

import java.util.List;
import java.util.Objects;

/**
 * A table as the catalog describes it.
 *
 * @param oid        the table's OID, as {@code pg_class.oid}
 * @param schema     its schema
 * @param name       its name
 * @param columns    its columns in order
 * @param primaryKey the 0-based positions of the primary key's columns; empty when there is none
 */
public record TableInfo(long oid, String schema, String name, List<ColumnInfo> columns, List<Integer> primaryKey) {

    public TableInfo {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    /** Returns the 0-based position of a column, or -1. */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }
}
