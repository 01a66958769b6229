package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.ViewInfo;

/**
 * The schemas of CREATE SCHEMA and the views of CREATE VIEW. The schema {@code public} is always
 * here, as every database has it; unlike PostgreSQL, it cannot be dropped.
 */
final class MemorySchemaObjects {

    static final SchemaInfo PUBLIC = new SchemaInfo(Catalog.PUBLIC_SCHEMA_OID, Catalog.DEFAULT_SCHEMA,
            Catalog.PUBLIC_SCHEMA_OWNER);

    private final ConcurrentHashMap<String, SchemaInfo> schemas = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<List<String>, ViewInfo> views = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, ViewInfo> viewsByOid = new ConcurrentHashMap<>();

    MemorySchemaObjects() {
        schemas.put(PUBLIC.name(), PUBLIC);
    }

    SchemaInfo schema(String name) {
        return schemas.get(name);
    }

    List<SchemaInfo> schemas() {
        List<SchemaInfo> all = new ArrayList<>(schemas.values());
        all.sort(Comparator.comparing(SchemaInfo::name));
        return all;
    }

    /** Returns the schemas of CREATE SCHEMA, without {@code public}, by OID. */
    List<SchemaInfo> created() {
        List<SchemaInfo> all = new ArrayList<>(schemas.values());
        all.remove(PUBLIC);
        all.sort(Comparator.comparingLong(SchemaInfo::oid));
        return all;
    }

    /** Adds a schema; returns false when one of that name exists. */
    boolean addSchema(SchemaInfo schema) {
        return schemas.putIfAbsent(schema.name(), schema) == null;
    }

    void installSchema(SchemaInfo schema) {
        schemas.put(schema.name(), schema);
    }

    void removeSchema(SchemaInfo schema) {
        schemas.remove(schema.name(), schema);
    }

    void removeSchemaByOid(long oid) {
        schemas.values().removeIf(schema -> schema.oid() == oid && schema != PUBLIC);
    }

    ViewInfo view(String schema, String name) {
        return views.get(List.of(schema, name));
    }

    ViewInfo view(long oid) {
        return viewsByOid.get(oid);
    }

    List<ViewInfo> views(String schema) {
        List<ViewInfo> result = new ArrayList<>();
        for (ViewInfo view : views.values()) {
            if (view.schema().equals(schema)) {
                result.add(view);
            }
        }
        result.sort(Comparator.comparing(ViewInfo::name));
        return result;
    }

    List<ViewInfo> allViews() {
        List<ViewInfo> all = new ArrayList<>(viewsByOid.values());
        all.sort(Comparator.comparingLong(ViewInfo::oid));
        return all;
    }

    /** Adds or replaces a view, by OID and by name. */
    void putView(ViewInfo view) {
        ViewInfo previous = viewsByOid.put(view.oid(), view);
        if (previous != null) {
            views.remove(List.of(previous.schema(), previous.name()), previous);
        }
        views.put(List.of(view.schema(), view.name()), view);
    }

    void removeView(long oid) {
        ViewInfo previous = viewsByOid.remove(oid);
        if (previous != null) {
            views.remove(List.of(previous.schema(), previous.name()), previous);
        }
    }

    /** Returns the views that read a relation. */
    List<ViewInfo> dependents(long relationOid) {
        List<ViewInfo> result = new ArrayList<>();
        for (ViewInfo view : allViews()) {
            if (view.dependsOn().contains(relationOid)) {
                result.add(view);
            }
        }
        return result;
    }
}
