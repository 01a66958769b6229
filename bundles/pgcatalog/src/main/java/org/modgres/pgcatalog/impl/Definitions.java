package org.modgres.pgcatalog.impl;

import java.util.List;
import java.util.stream.Collectors;

import org.modgres.api.storage.TableInfo;

/** The SQL that pg_get_indexdef prints for the indexes of keys, and pg_get_constraintdef for primary keys. */
final class Definitions {

    private Definitions() {
    }

    /**
     * Returns {@code CREATE UNIQUE INDEX t_pkey ON public.t USING btree (a)} ({@code CREATE INDEX}
     * for an index of CREATE INDEX that is not unique); pretty output leaves
     * out the schema of a table the search path finds.
     */
    static String indexDefinition(CatalogModel model, CatalogModel.Relation index, boolean pretty) {
        TableInfo table = index.table();
        CatalogModel.Relation tableRelation = model.relation(table.oid());
        String tableName = Identifiers.quote(table.name());
        if (!pretty || tableRelation == null || !model.isVisible(tableRelation)) {
            tableName = Identifiers.quote(table.schema()) + "." + tableName;
        }
        return (ConstraintCatalog.isUniqueIndex(index) ? "CREATE UNIQUE INDEX " : "CREATE INDEX ")
                + Identifiers.quote(index.name()) + " ON " + tableName + " USING btree ("
                + columns(table, ConstraintCatalog.indexKey(index)) + ")";
    }

    /** Returns the name of the index's column at a 1-based position, as pg_get_indexdef(oid, n, pretty) does. */
    static String indexColumn(CatalogModel.Relation index, int position) {
        List<Integer> key = ConstraintCatalog.indexKey(index);
        if (position < 1 || position > key.size()) {
            return "";
        }
        return Identifiers.quote(index.table().columns().get(key.get(position - 1)).name());
    }

    static String primaryKeyDefinition(TableInfo table) {
        return "PRIMARY KEY (" + keyColumns(table) + ")";
    }

    private static String keyColumns(TableInfo table) {
        return columns(table, table.primaryKey());
    }

    private static String columns(TableInfo table, List<Integer> key) {
        return key.stream().map(i -> Identifiers.quote(table.columns().get(i).name()))
                .collect(Collectors.joining(", "));
    }
}
