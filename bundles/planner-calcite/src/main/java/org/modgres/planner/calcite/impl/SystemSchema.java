package org.modgres.planner.calcite.impl;

import java.util.Map;

import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** A schema of system relations, {@code pg_catalog} or {@code information_schema}. */
final class SystemSchema extends AbstractSchema {

    private final Map<String, Table> tables;

    SystemSchema(Map<String, Table> tables) {
        this.tables = tables;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }
}
