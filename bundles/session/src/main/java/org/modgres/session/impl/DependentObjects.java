package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.ViewInfo;

/**
 * What a DROP takes with it, as PostgreSQL's dependency.c reports it: the relations of a schema
 * and the views that read a relation, directly or through other views, in PostgreSQL's order.
 */
final class DependentObjects {

    /** A relation that depends on another object, and what it depends on, as the messages name them. */
    record Dependent(long oid, String schema, String name, String kind, String dependsOn) {
    }

    private final Catalog catalog;
    private final Set<Long> visited = new HashSet<>();
    private List<ViewInfo> views;

    private DependentObjects(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Returns the relations of a schema and the views that read them. */
    static List<Dependent> ofSchema(Catalog catalog, SchemaInfo schema) {
        DependentObjects objects = new DependentObjects(catalog);
        List<Dependent> direct = new ArrayList<>();
        String on = "schema " + schema.name();
        for (TableInfo table : catalog.tables(schema.name())) {
            direct.add(new Dependent(table.oid(), table.schema(), table.name(), "table", on));
        }
        for (SequenceInfo sequence : catalog.sequences(schema.name())) {
            if (sequence.owner() == null) {
                direct.add(new Dependent(sequence.oid(), sequence.schema(), sequence.name(), "sequence", on));
            }
        }
        for (ViewInfo view : catalog.views(schema.name())) {
            direct.add(new Dependent(view.oid(), view.schema(), view.name(), "view", on));
        }
        return objects.collect(direct);
    }

    /** Returns the views that read a relation, directly or through other views. */
    static List<Dependent> ofRelation(Catalog catalog, long oid, String schema, String name, String kind) {
        DependentObjects objects = new DependentObjects(catalog);
        objects.visited.add(oid);
        return objects.collect(objects.viewsReading(new Dependent(oid, schema, name, kind, null)));
    }

    /**
     * Walks the dependents as PostgreSQL's findDependentObjects does: children by descending OID,
     * each reached first by the object it is listed under, each added after its own dependents;
     * the list, reversed, is the order of the messages.
     */
    private List<Dependent> collect(List<Dependent> children) {
        List<Dependent> order = new ArrayList<>();
        children.forEach(child -> visited.add(child.oid()));
        visit(children, order);
        return List.copyOf(order.reversed());
    }

    private void visit(List<Dependent> children, List<Dependent> order) {
        List<Dependent> descending = new ArrayList<>(children);
        descending.sort(Comparator.comparingLong(Dependent::oid).reversed());
        for (Dependent child : descending) {
            List<Dependent> grandchildren = viewsReading(child).stream().filter(g -> visited.add(g.oid())).toList();
            visit(grandchildren, order);
            order.add(child);
        }
    }

    private List<Dependent> viewsReading(Dependent relation) {
        List<Dependent> readers = new ArrayList<>();
        for (ViewInfo view : allViews()) {
            if (view.dependsOn().contains(relation.oid())) {
                readers.add(new Dependent(view.oid(), view.schema(), view.name(), "view",
                        relation.kind() + " " + displayName(relation.schema(), relation.name())));
            }
        }
        return readers;
    }

    private List<ViewInfo> allViews() {
        if (views == null) {
            views = new ArrayList<>();
            for (SchemaInfo schema : catalog.schemas()) {
                views.addAll(catalog.views(schema.name()));
            }
        }
        return views;
    }

    /** Returns a relation's name as PostgreSQL's messages show it: qualified unless its schema is on the search path. */
    static String displayName(String schema, String name) {
        return SessionSearchPath.current().contains(schema) ? name : schema + "." + name;
    }

    /** Returns the error of a DROP without CASCADE that would take other objects with it. */
    static PgException stillExist(String kind, String name, List<Dependent> dependents) {
        return new PgException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, Severity.ERROR,
                "cannot drop " + kind + " " + name + " because other objects depend on it",
                dependents.stream().map(d -> d.kind() + " " + displayName(d.schema(), d.name()) + " depends on "
                        + d.dependsOn()).collect(Collectors.joining("\n")),
                "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
    }

    /** Returns the NOTICE of a DROP ... CASCADE that takes other objects with it. */
    static PgException cascades(List<Dependent> dependents) {
        List<String> lines = dependents.stream()
                .map(d -> "drop cascades to " + d.kind() + " " + displayName(d.schema(), d.name())).toList();
        if (lines.size() == 1) {
            return new PgException(SqlState.SUCCESSFUL_COMPLETION, Severity.NOTICE, lines.get(0), null, null, 0,
                    null);
        }
        return new PgException(SqlState.SUCCESSFUL_COMPLETION, Severity.NOTICE,
                "drop cascades to " + lines.size() + " other objects", String.join("\n", lines), null, 0, null);
    }
}
