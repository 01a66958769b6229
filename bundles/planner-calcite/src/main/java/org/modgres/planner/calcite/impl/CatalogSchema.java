package org.modgres.planner.calcite.impl;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.ViewInfo;

/** One schema of the catalog as Calcite sees it, with its tables and views, read when a statement is planned. */
final class CatalogSchema extends AbstractSchema {

    private final Catalog catalog;
    private final String schema;

    CatalogSchema(Catalog catalog, String schema) {
        this.catalog = catalog;
        this.schema = schema;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (TableInfo info : catalog.tables(schema)) {
            tables.put(info.name(), new CatalogTable(info));
        }
        for (ViewInfo view : catalog.views(schema)) {
            tables.put(view.name(), new ViewTable(view));
        }
        return tables;
    }
}
