package org.modgres.api.storage;

import java.util.Objects;

/** A foreign key of table {@code schema.table} that references some other (or the same) table. */
public record ForeignKeyReference(String schema, String table, TableConstraint.ForeignKey key) {

    public ForeignKeyReference {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
    }
}
