package org.modgres.executor.impl.operator;

import java.util.List;

import org.apache.calcite.plan.RelOptTable;
import org.modgres.api.storage.Catalog;

/** Reads {@code [schema, table]} from a Calcite table's qualified name. */
public record TableNames(String schema, String table) {

    /** Returns the names of a table; a name without a schema is in the default schema. */
    public static TableNames of(RelOptTable table) {
        List<String> names = table.getQualifiedName();
        String name = names.get(names.size() - 1);
        String schema = names.size() >= 2 ? names.get(names.size() - 2) : Catalog.DEFAULT_SCHEMA;
        return new TableNames(schema, name);
    }
}
