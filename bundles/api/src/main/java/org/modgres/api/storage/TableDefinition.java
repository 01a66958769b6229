package org.modgres.api.storage;

import java.util.List;
import java.util.Objects;

/**
 * What CREATE TABLE asks for.
 *
 * @param schema     the schema, {@link Catalog#DEFAULT_SCHEMA} when none was named
 * @param name       the table's name
 * @param columns    the columns in order
 * @param primaryKey  the 0-based positions of the primary key's columns; empty when there is none
 * @param constraints the UNIQUE, CHECK and FOREIGN KEY constraints
 */
public record TableDefinition(String schema, String name, List<ColumnInfo> columns, List<Integer> primaryKey,
                              List<TableConstraint> constraints) {

    public TableDefinition {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        constraints = List.copyOf(constraints);
    }

    /** A table without UNIQUE, CHECK or FOREIGN KEY constraints. */
    public TableDefinition(String schema, String name, List<ColumnInfo> columns, List<Integer> primaryKey) {
        this(schema, name, columns, primaryKey, List.of());
    }
}
