package org.modgres.pgcatalog.impl;

import java.util.Iterator;
import java.util.List;

import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.storage.ColumnInfo;

/** A relation of pg_catalog or information_schema whose rows are computed from the catalog model. */
final class CatalogRelation implements SystemRelation {

    /** Computes the rows of a relation. */
    @FunctionalInterface
    interface Filler {
        void addRows(CatalogModel model, SystemRelationContext context, Rows rows);
    }

    private final CatalogSource source;
    private final String schema;
    private final String name;
    private final long oid;
    private final boolean view;
    private final List<ColumnInfo> columns;
    private final Filler filler;

    /** @param columns the columns as {@link Columns#parse} reads them */
    CatalogRelation(CatalogSource source, String schema, String name, long oid, boolean view, String columns,
                    Filler filler) {
        this.source = source;
        this.filler = filler;
        this.schema = schema;
        this.name = name;
        this.oid = oid;
        this.view = view;
        this.columns = Columns.parse(columns);
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long oid() {
        return oid;
    }

    @Override
    public boolean view() {
        return view;
    }

    @Override
    public List<ColumnInfo> columns() {
        return columns;
    }

    @Override
    public Iterator<Object[]> rows(SystemRelationContext context) {
        Rows rows = new Rows(columns);
        filler.addRows(source.model(context), context, rows);
        return rows.iterator();
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
