package org.modgres.executor.impl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ForeignKeyReference;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.api.storage.ViewInfo;

/**
 * What stands between DROP TABLE and the tables it drops: the foreign keys of other tables and
 * the views that read them, which CASCADE drops first, and the order in which tables that
 * reference each other can go.
 */
final class TableDependents {

    private TableDependents() {
    }

    /**
     * Drops the foreign keys of the tables not being dropped that reference one that is, then the
     * views that read one (and the views that read those), each view after those that read it.
     *
     * @return what was dropped, as PostgreSQL's NOTICE names it: {@code constraint k on table t},
     *         {@code view v}
     */
    static List<String> dropAll(Transaction transaction, Catalog catalog, List<TableInfo> tables) {
        Set<List<String>> dropping = new HashSet<>();
        tables.forEach(table -> dropping.add(List.of(table.schema(), table.name())));
        List<String> dropped = new ArrayList<>();
        for (TableInfo table : tables) {
            for (ForeignKeyReference reference : transaction.table(table.schema(), table.name()).referencingKeys()) {
                if (!dropping.contains(List.of(reference.schema(), reference.table()))) {
                    transaction.dropConstraint(reference.schema(), reference.table(), reference.key().name(), false);
                    dropped.add("constraint " + reference.key().name() + " on table "
                            + shown(reference.schema(), reference.table()));
                }
            }
        }
        Set<Long> read = new HashSet<>();
        tables.forEach(table -> read.add(table.oid()));
        List<ViewInfo> readers = readers(catalog, read);
        readers.forEach(view -> dropped.add("view " + shown(view.schema(), view.name())));
        List<ViewInfo> remaining = new ArrayList<>(readers);
        while (!remaining.isEmpty()) {
            ViewInfo leaf = remaining.stream()
                    .filter(view -> remaining.stream().noneMatch(other -> other.dependsOn().contains(view.oid())))
                    .findFirst().orElse(remaining.getFirst());
            transaction.dropView(leaf.schema(), leaf.name());
            remaining.remove(leaf);
        }
        return dropped;
    }

    /** Returns the views that read the relations, directly or through other views, nearest first. */
    private static List<ViewInfo> readers(Catalog catalog, Set<Long> relations) {
        List<ViewInfo> views = new ArrayList<>();
        for (SchemaInfo schema : catalog.schemas()) {
            views.addAll(catalog.views(schema.name()));
        }
        Set<ViewInfo> found = new LinkedHashSet<>();
        Set<Long> reached = new HashSet<>(relations);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ViewInfo view : views) {
                if (!found.contains(view) && view.dependsOn().stream().anyMatch(reached::contains)) {
                    found.add(view);
                    reached.add(view.oid());
                    grew = true;
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * Returns the tables in an order that drops each after the others of them that reference it;
     * foreign keys that reference each other in a circle are dropped first.
     */
    static List<TableInfo> referencedLast(Transaction transaction, List<TableInfo> tables) {
        List<TableInfo> remaining = new ArrayList<>(tables);
        List<TableInfo> order = new ArrayList<>();
        while (!remaining.isEmpty()) {
            TableInfo free = remaining.stream()
                    .filter(table -> remaining.stream().noneMatch(other -> other != table && references(other, table)))
                    .findFirst().orElse(null);
            if (free == null) {
                for (TableInfo table : remaining) {
                    for (TableConstraint.ForeignKey key : table.constraints(TableConstraint.ForeignKey.class)) {
                        transaction.dropConstraint(table.schema(), table.name(), key.name(), false);
                    }
                }
                remaining.replaceAll(table -> transaction.table(table.schema(), table.name()).info());
                continue;
            }
            order.add(free);
            remaining.remove(free);
        }
        return order;
    }

    private static boolean references(TableInfo table, TableInfo referenced) {
        return table.constraints(TableConstraint.ForeignKey.class).stream().anyMatch(key ->
                key.referencedSchema().equals(referenced.schema()) && key.referencedTable().equals(referenced.name()));
    }

    /** Returns a relation's name as PostgreSQL's messages show it, qualified outside public. */
    private static String shown(String schema, String name) {
        return schema.equals(Catalog.DEFAULT_SCHEMA) ? name : schema + "." + name;
    }
}
