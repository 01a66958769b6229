package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.modgres.api.catalog.SystemFunction;
import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.storage.ObjectComment;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableIndex;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.ViewInfo;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/**
 * The objects the catalogs describe, taken from the live catalog when a statement reads them:
 * the namespaces, the relations (user tables, the indexes of their primary keys and unique
 * constraints, the system relations)
 * and the functions, with lookups by OID and by name as the search path resolves names.
 */
final class CatalogModel {

    /** A namespace, as pg_namespace lists it, with its access privileges (nspacl), or null for the default. */
    record Namespace(long oid, String name, List<String> privileges) {
    }

    private static final List<String> POSTGRES_USAGE = List.of("postgres=UC/postgres", "=U/postgres");

    /** The namespaces in pg_namespace order. */
    static final List<Namespace> NAMESPACES = List.of(
            new Namespace(ObjectIds.PG_TOAST, "pg_toast", null),
            new Namespace(ObjectIds.PG_CATALOG, "pg_catalog", POSTGRES_USAGE),
            new Namespace(ObjectIds.PUBLIC, Catalog.DEFAULT_SCHEMA,
                    List.of("pg_database_owner=UC/pg_database_owner", "=U/pg_database_owner")),
            new Namespace(ObjectIds.INFORMATION_SCHEMA, "information_schema", POSTGRES_USAGE));

    /** The search path of a session that did not change search_path, with pg_catalog first. */
    static final List<String> SEARCH_PATH = List.of("pg_catalog", Catalog.DEFAULT_SCHEMA);

    /**
     * The OIDs of the schemas of CREATE SCHEMA by name, as the last model read them, for the
     * lookups by name that have no model at hand. Schema OIDs are never reused, and every model
     * refreshes the entries before it is read, so a dropped schema's entry is harmless.
     */
    private static final Map<String, Long> USER_NAMESPACES = new ConcurrentHashMap<>();

    /**
     * A relation, as pg_class lists it.
     *
     * @param kind     pg_class.relkind: r (table), v (view), i (index) or S (sequence)
     * @param table    the user table, or for an index the table it indexes; null for system relations
     * @param relation the system relation, or null
     * @param sequence  the sequence, for kind S; null otherwise
     */
    record Relation(long oid, String name, String schema, String kind, List<ColumnInfo> columns, TableInfo table,
                    SystemRelation relation, SequenceInfo sequence, ViewInfo view) {

        Relation(long oid, String name, String schema, String kind, List<ColumnInfo> columns, TableInfo table,
                 SystemRelation relation) {
            this(oid, name, schema, kind, columns, table, relation, null, null);
        }

        Relation(long oid, String name, String schema, String kind, List<ColumnInfo> columns, TableInfo table,
                 SystemRelation relation, SequenceInfo sequence) {
            this(oid, name, schema, kind, columns, table, relation, sequence, null);
        }

        long namespace() {
            return namespaceOid(schema);
        }

        boolean isIndex() {
            return kind.equals("i");
        }

        /** Returns whether this is a table with a primary key, a unique constraint or an index of CREATE INDEX. */
        boolean hasIndex() {
            return !isIndex() && table != null && (!table.primaryKey().isEmpty()
                    || !table.constraints(TableConstraint.Unique.class).isEmpty() || !table.indexes().isEmpty());
        }
    }

    private final String database;
    private final RoleCatalog roles;
    private final Map<Long, Relation> relations = new LinkedHashMap<>();
    private final List<SystemFunction> functions;
    private final List<SchemaInfo> userSchemas = new ArrayList<>();
    private final List<String> searchPath;
    private final List<ObjectComment> comments;

    /** Returns the roles as they are now. */
    RoleCatalog roles() {
        return roles;
    }

    /**
     * @param searchPath the schemas of the session's search_path that exist, as current_schemas(false)
     */
    CatalogModel(Catalog catalog, RoleCatalog roles, List<SystemRelation> systemRelations,
                 List<SystemFunction> functions, String database, List<String> searchPath) {
        this.database = database;
        this.roles = roles;
        this.functions = List.copyOf(functions);
        List<String> lookup = new ArrayList<>(searchPath);
        if (!lookup.contains("pg_catalog")) {
            lookup.addFirst("pg_catalog");
        }
        this.searchPath = List.copyOf(lookup);
        this.comments = catalog.comments();
        for (SchemaInfo schema : catalog.schemas()) {
            if (!schema.name().equals(Catalog.DEFAULT_SCHEMA)) {
                userSchemas.add(schema);
                USER_NAMESPACES.put(schema.name(), schema.oid());
            }
        }
        userSchemas.sort(Comparator.comparingLong(SchemaInfo::oid));
        List<SystemRelation> sorted = new ArrayList<>(systemRelations);
        sorted.sort(Comparator.comparingLong(SystemRelation::oid));
        for (SystemRelation relation : sorted) {
            relations.putIfAbsent(relation.oid(), new Relation(relation.oid(), relation.name(), relation.schema(),
                    relation.view() ? "v" : "r", relation.columns(), null, relation));
        }
        for (TableInfo table : userTables(catalog)) {
            relations.put(table.oid(), new Relation(table.oid(), table.name(), table.schema(), "r", table.columns(),
                    table, null));
            if (!table.primaryKey().isEmpty()) {
                long index = ObjectIds.primaryKeyIndex(table.oid());
                List<ColumnInfo> keyColumns = table.primaryKey().stream().map(i -> table.columns().get(i)).toList();
                relations.put(index, new Relation(index, primaryKeyName(table), table.schema(), "i", keyColumns,
                        table, null));
            }
            for (int place = 0; place < table.constraints().size(); place++) {
                if (table.constraints().get(place) instanceof TableConstraint.Unique unique) {
                    long index = ObjectIds.constraintIndex(table.oid(), place);
                    relations.put(index, new Relation(index, unique.name(), table.schema(), "i",
                            unique.columns().stream().map(i -> table.columns().get(i)).toList(), table, null));
                }
            }
            // the indexes of CREATE INDEX take the places after the constraints'
            for (int n = 0; n < table.indexes().size(); n++) {
                TableIndex created = table.indexes().get(n);
                long index = ObjectIds.constraintIndex(table.oid(), table.constraints().size() + n);
                relations.put(index, new Relation(index, created.name(), table.schema(), "i",
                        created.columns().stream().map(i -> table.columns().get(i)).toList(), table, null));
            }
        }
        addSequences(catalog);
        for (SchemaInfo schema : catalog.schemas()) {
            for (ViewInfo view : catalog.views(schema.name())) {
                relations.put(view.oid(), new Relation(view.oid(), view.name(), view.schema(), "v", view.columns(),
                        null, null, null, view));
            }
        }
    }

    /** Returns the tables of every schema, by schema then name. */
    private static List<TableInfo> userTables(Catalog catalog) {
        List<TableInfo> tables = new ArrayList<>();
        for (SchemaInfo schema : catalog.schemas()) {
            tables.addAll(catalog.tables(schema.name()));
        }
        return tables;
    }

    /** Returns the namespaces in pg_namespace order: the system's, then those of CREATE SCHEMA by OID. */
    List<Namespace> namespaces() {
        List<Namespace> all = new ArrayList<>();
        for (Namespace namespace : NAMESPACES) {
            all.add(namespace.oid() == ObjectIds.PUBLIC ? new Namespace(namespace.oid(), namespace.name(),
                    schemaAcl(new SchemaInfo(ObjectIds.PUBLIC, namespace.name(), Roles.DATABASE_OWNER))) : namespace);
        }
        for (SchemaInfo schema : userSchemas) {
            all.add(new Namespace(schema.oid(), schema.name(), schemaAcl(schema)));
        }
        return all;
    }

    /** Returns a schema's nspacl as text: what GRANT and REVOKE left, or PostgreSQL 15's default. */
    private List<String> schemaAcl(SchemaInfo schema) {
        List<AclItem> acl = RelationPrivileges.ofSchema(schema, roles.privileges(schema.oid()).acl()).acl();
        return acl == null ? null : acl.stream().map(item -> item.text(oid -> Roles.name(roles, oid))).toList();
    }

    /** Returns the owner of a namespace (nspowner). */
    long namespaceOwner(Namespace namespace) {
        if (namespace.oid() == ObjectIds.PUBLIC) {
            return Roles.DATABASE_OWNER;
        }
        for (SchemaInfo schema : userSchemas) {
            if (schema.oid() == namespace.oid()) {
                return schema.owner();
            }
        }
        return ObjectIds.POSTGRES_ROLE;
    }

    /** Returns the schemas of the session's search path that exist, as current_schemas(false) lists them. */
    List<String> searchPath(boolean implicit) {
        return implicit ? searchPath : searchPath.stream().filter(schema -> !schema.equals("pg_catalog")
                || searchPath.indexOf("pg_catalog") > 0).toList();
    }

    /** The columns a sequence shows as a relation, as in PostgreSQL. */
    static final List<ColumnInfo> SEQUENCE_COLUMNS = List.of(
            new ColumnInfo("last_value", ColumnType.of(PgType.INT8), true),
            new ColumnInfo("log_cnt", ColumnType.of(PgType.INT8), true),
            new ColumnInfo("is_called", ColumnType.of(PgType.BOOL), true));

    /** Adds the sequences of every schema, after the tables. */
    private void addSequences(Catalog catalog) {
        for (SchemaInfo schema : catalog.schemas()) {
            for (SequenceInfo sequence : catalog.sequences(schema.name())) {
                relations.put(sequence.oid(), new Relation(sequence.oid(), sequence.name(), sequence.schema(), "S",
                        SEQUENCE_COLUMNS, null, null, sequence));
            }
        }
    }

    /** Returns the sequences. */
    List<SequenceInfo> sequences() {
        return relations.values().stream().filter(r -> r.sequence() != null).map(Relation::sequence).toList();
    }

    /** Returns the name PostgreSQL gives a table's primary key and its index. */
    static String primaryKeyName(TableInfo table) {
        return table.name() + "_pkey";
    }

    static long namespaceOid(String schema) {
        for (Namespace namespace : NAMESPACES) {
            if (namespace.name().equals(schema)) {
                return namespace.oid();
            }
        }
        return USER_NAMESPACES.getOrDefault(schema, 0L);
    }

    static String namespaceName(long oid) {
        for (Namespace namespace : NAMESPACES) {
            if (namespace.oid() == oid) {
                return namespace.name();
            }
        }
        for (Map.Entry<String, Long> entry : USER_NAMESPACES.entrySet()) {
            if (entry.getValue() == oid) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** Returns the database the statement runs in. */
    String database() {
        return database;
    }

    /** Returns the relations: system relations by OID, then user tables each followed by its index. */
    List<Relation> relations() {
        return List.copyOf(relations.values());
    }

    /** Returns the user tables. */
    List<TableInfo> tables() {
        return relations.values().stream().filter(r -> r.table() != null && !r.isIndex()).map(Relation::table).toList();
    }

    /** The comments COMMENT ON put on objects, as the storage keeps them. */
    List<ObjectComment> comments() {
        return comments;
    }

    Relation relation(long oid) {
        return relations.get(oid);
    }

    /** Returns the relation an unqualified name finds through the search path, or null. */
    Relation visibleRelation(String name) {
        for (String schema : searchPath) {
            for (Relation relation : relations.values()) {
                if (relation.schema().equals(schema) && relation.name().equals(name)) {
                    return relation;
                }
            }
        }
        return null;
    }

    /** Returns the relation with this schema and name, or null. */
    Relation relation(String schema, String name) {
        for (Relation relation : relations.values()) {
            if (relation.schema().equals(schema) && relation.name().equals(name)) {
                return relation;
            }
        }
        return null;
    }

    /** Returns whether an unqualified name finds the relation, as pg_table_is_visible decides. */
    boolean isVisible(Relation relation) {
        return searchPath.contains(relation.schema()) && visibleRelation(relation.name()) == relation;
    }

    List<SystemFunction> functions() {
        return functions;
    }
}
