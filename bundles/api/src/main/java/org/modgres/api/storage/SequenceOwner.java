package org.modgres.api.storage;

import java.util.Objects;

/**
 * The column a sequence belongs to ({@code OWNED BY}, SERIAL and identity columns): dropping the
 * table drops the sequence.
 *
 * @param schema the table's schema
 * @param table  the table's name
 * @param column the column's name
 */
public record SequenceOwner(String schema, String table, String column) {

    public SequenceOwner {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    /** Returns whether this owner is a column of the table {@code schema.table}. */
    public boolean isOf(String schema, String table) {
        return this.schema.equals(schema) && this.table.equals(table);
    }
}
