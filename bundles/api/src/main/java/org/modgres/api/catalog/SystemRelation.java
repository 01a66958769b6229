package org.modgres.api.catalog;

import java.util.Iterator;
import java.util.List;

import org.modgres.api.storage.ColumnInfo;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A read-only relation of the system catalogs, such as {@code pg_catalog.pg_class}, computed
 * from the live catalog each time it is scanned. Catalog bundles register implementations as
 * services; the planner offers every registered one under its schema and name, and resolves an
 * unqualified name in {@code pg_catalog} before {@code public}, as PostgreSQL's search_path does.
 */
@ConsumerType
public interface SystemRelation {

    /** Returns the schema, {@code pg_catalog} or {@code information_schema}. */
    String schema();

    /** Returns the relation's name, e.g. {@code pg_class}. */
    String name();

    /** Returns its OID, as {@code pg_class.oid} lists it (PostgreSQL 15's, for the built-in ones). */
    long oid();

    /** Returns whether it is a view in PostgreSQL ({@code pg_tables}) rather than a table ({@code pg_class}). */
    boolean view();

    /** Returns the columns, with PostgreSQL's names and types. */
    List<ColumnInfo> columns();

    /**
     * Returns the rows as they are now, one value per column in the classes
     * {@link org.modgres.api.type.PgType} names.
     */
    Iterator<Object[]> rows(SystemRelationContext context);
}
