package org.modgres.api.storage;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The schemas, tables, sequences and views that exist. */
@ProviderType
public interface Catalog {

    /** The schema user tables are created in when no schema is named. */
    String DEFAULT_SCHEMA = "public";

    /** Returns the table with this schema and name, if there is one. */
    Optional<TableInfo> table(String schema, String name);

    /** Returns the tables of a schema. */
    List<TableInfo> tables(String schema);

    /** Returns the sequence with this schema and name, if there is one. */
    default Optional<SequenceInfo> sequence(String schema, String name) {
        return Optional.empty();
    }

    /** Returns the sequence with this OID, if there is one. */
    default Optional<SequenceInfo> sequence(long oid) {
        return Optional.empty();
    }

    /** Returns the sequences of a schema, by name. */
    default List<SequenceInfo> sequences(String schema) {
        return List.of();
    }

    /** The OID of the schema {@code public}, which every database has. */
    long PUBLIC_SCHEMA_OID = 2200;

    /** The OID of pg_database_owner, the owner of the schema {@code public} in PostgreSQL 15. */
    long PUBLIC_SCHEMA_OWNER = 6171;

    /** Returns the schema of this name that tables can be created in: {@code public} or one of CREATE SCHEMA. */
    default Optional<SchemaInfo> schema(String name) {
        return DEFAULT_SCHEMA.equals(name) ? Optional.of(schemas().get(0)) : Optional.empty();
    }

    /** Returns the schemas tables can be created in, by name. */
    default List<SchemaInfo> schemas() {
        return List.of(new SchemaInfo(PUBLIC_SCHEMA_OID, DEFAULT_SCHEMA, PUBLIC_SCHEMA_OWNER));
    }

    /** Returns the view with this schema and name, if there is one. */
    default Optional<ViewInfo> view(String schema, String name) {
        return Optional.empty();
    }

    /** Returns the view with this OID, if there is one. */
    default Optional<ViewInfo> view(long oid) {
        return Optional.empty();
    }

    /** Returns the views of a schema, by name. */
    default List<ViewInfo> views(String schema) {
        return List.of();
    }

    /** Returns the comments on objects, as pg_description lists them, by object, catalog and column. */
    default List<ObjectComment> comments() {
        return List.of();
    }

    /**
     * Returns a number that changes whenever a table or sequence is created, dropped or altered, so that
     * cached plans can tell they are stale.
     */
    long version();
}
