package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.ViewInfo;

/**
 * The schema and view changes of one transaction: made at once, seen by every backend (as table
 * definitions are), undone by rollback, logged with the commit.
 */
final class SchemaObjectChanges {

    private final MemoryTransaction transaction;
    private final MemoryCatalog catalog;
    private final ActiveTransactions active;

    SchemaObjectChanges(MemoryTransaction transaction, MemoryCatalog catalog, ActiveTransactions active) {
        this.transaction = transaction;
        this.catalog = catalog;
        this.active = active;
    }

    SchemaInfo createSchema(String name, long owner) {
        transaction.checkActive();
        return transaction.change(() -> {
            SchemaInfo schema = new SchemaInfo(catalog.newOid(), name, owner);
            if (!catalog.schemaObjects().addSchema(schema)) {
                throw new PgException(SqlState.DUPLICATE_SCHEMA, "schema \"" + name + "\" already exists");
            }
            catalog.schemaObjectsChanged();
            transaction.record(new UndoEntry.SchemaChanged(active.nextSequence(), schema, true),
                    redo -> redo.createSchema(schema));
            return schema;
        });
    }

    void dropSchema(String name) {
        transaction.checkActive();
        MemorySchemaObjects objects = catalog.schemaObjects();
        SchemaInfo schema = objects.schema(name);
        if (schema == null) {
            throw new PgException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + name + "\" does not exist");
        }
        if (schema.equals(MemorySchemaObjects.PUBLIC)) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "dropping schema \"public\" is not supported");
        }
        if (!catalog.tables(name).isEmpty() || !catalog.sequences(name).isEmpty() || !objects.views(name).isEmpty()) {
            throw dependents("schema", name, List.of("its relations"));
        }
        transaction.change(() -> {
            objects.removeSchema(schema);
            catalog.schemaObjectsChanged();
            transaction.record(new UndoEntry.SchemaChanged(active.nextSequence(), schema, false),
                    redo -> redo.dropSchema(schema.oid()));
            return null;
        });
    }

    ViewInfo createView(ViewInfo requested, boolean orReplace) {
        transaction.checkActive();
        MemorySchemaObjects objects = catalog.schemaObjects();
        return transaction.change(() -> {
            ViewInfo previous = objects.view(requested.schema(), requested.name());
            if (previous == null || !orReplace) {
                if (previous != null || catalog.table(requested.schema(), requested.name()).isPresent()
                        || catalog.sequence(requested.schema(), requested.name()).isPresent()) {
                    throw new PgException(SqlState.DUPLICATE_TABLE,
                            "relation \"" + requested.name() + "\" already exists");
                }
                catalog.checkNewRelation(requested.schema(), requested.name());
            }
            ViewInfo view = requested.withOid(previous == null ? catalog.newOid() : previous.oid());
            objects.putView(view);
            catalog.schemaObjectsChanged();
            transaction.record(new UndoEntry.ViewChanged(active.nextSequence(), view.oid(), previous),
                    redo -> redo.createView(view));
            return view;
        });
    }

    void dropView(String schema, String name) {
        transaction.checkActive();
        MemorySchemaObjects objects = catalog.schemaObjects();
        ViewInfo view = objects.view(schema, name);
        if (view == null) {
            throw new PgException(SqlState.UNDEFINED_TABLE, "view \"" + name + "\" does not exist");
        }
        checkNoDependents(objects, view.oid(), "view", displayName(schema, name));
        transaction.change(() -> {
            objects.removeView(view.oid());
            catalog.schemaObjectsChanged();
            transaction.record(new UndoEntry.ViewChanged(active.nextSequence(), view.oid(), view),
                    redo -> redo.dropView(view.oid()));
            return null;
        });
    }

    /**
     * Refuses to drop a relation a view reads, as DROP without CASCADE does, naming the views that
     * read it and those that read them in PostgreSQL's order: depth first, by descending OID,
     * each view after those that read it, the whole reversed.
     */
    static void checkNoDependents(MemorySchemaObjects objects, long relationOid, String kind, String name) {
        checkNoDependents(objects, relationOid, kind, name, List.of());
    }

    /**
     * Refuses to drop a relation that other objects need: the foreign keys of other tables, named
     * in {@code otherDependents} as the message lists them, and the views that read it.
     */
    static void checkNoDependents(MemorySchemaObjects objects, long relationOid, String kind, String name,
                                  List<String> otherDependents) {
        Set<Long> visited = new HashSet<>(List.of(relationOid));
        List<String> details = new ArrayList<>();
        visit(objects, readers(objects, relationOid, kind + " " + name, visited), visited, details);
        if (!details.isEmpty() || !otherDependents.isEmpty()) {
            List<String> all = new ArrayList<>(otherDependents);
            all.addAll(details.reversed());
            throw dependents(kind, name, all);
        }
    }

    /** A view that reads a relation, and the relation as the message names it. */
    private record Reader(ViewInfo view, String reads) {
    }

    private static List<Reader> readers(MemorySchemaObjects objects, long oid, String shown, Set<Long> visited) {
        return objects.dependents(oid).stream().filter(view -> visited.add(view.oid()))
                .map(view -> new Reader(view, shown)).toList();
    }

    private static void visit(MemorySchemaObjects objects, List<Reader> readers, Set<Long> visited,
                              List<String> details) {
        List<Reader> descending = new ArrayList<>(readers);
        descending.sort(Comparator.comparingLong((Reader reader) -> reader.view().oid()).reversed());
        for (Reader reader : descending) {
            String shown = displayName(reader.view().schema(), reader.view().name());
            visit(objects, readers(objects, reader.view().oid(), "view " + shown, visited), visited, details);
            details.add("view " + shown + " depends on " + reader.reads());
        }
    }

    /** Returns a relation's name as the messages about dependencies show it, qualified outside public. */
    static String displayName(String schema, String name) {
        return schema.equals(MemorySchemaObjects.PUBLIC.name()) ? name : schema + "." + name;
    }

    private static PgException dependents(String kind, String name, List<String> details) {
        return new PgException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, Severity.ERROR,
                "cannot drop " + kind + " " + name + " because other objects depend on it",
                details.stream().collect(Collectors.joining("\n")),
                "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
    }
}
