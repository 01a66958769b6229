package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableInfo;

/**
 * What ALTER TABLE's ADD CONSTRAINT, DROP CONSTRAINT and SET / DROP NOT NULL ask of a table's
 * definition and rows: each returns the table's new definition, or refuses with PostgreSQL's
 * error. Call while no change can happen, as {@link TableDefinitionChanges} does.
 */
final class ConstraintChanges {

    private ConstraintChanges() {
    }

    /** Returns {@code current} with the constraint; a UNIQUE one first checks the rows. */
    static TableInfo withConstraint(MemoryCatalog catalog, MemoryTable table, TableInfo current,
                                    TableConstraint constraint, LongPredicate running) {
        // a UNIQUE constraint's index is a relation of the schema, whose name PostgreSQL checks first
        if (constraint instanceof TableConstraint.Unique
                && IndexBuilder.relationExists(catalog, current.schema(), constraint.name())) {
            throw new PgException(SqlState.DUPLICATE_TABLE, "relation \"" + constraint.name() + "\" already exists");
        }
        if (named(current, constraint.name())) {
            throw new PgException(SqlState.DUPLICATE_OBJECT,
                    "constraint \"" + constraint.name() + "\" for relation \"" + current.name() + "\" already exists");
        }
        if (constraint instanceof TableConstraint.Unique unique) {
            IndexBuilder.requireUniqueRows(table, current, unique.name(),
                    unique.columns().stream().mapToInt(Integer::intValue).toArray(), running, false);
        }
        List<TableConstraint> constraints = new ArrayList<>(current.constraints());
        constraints.add(constraint);
        return with(current, current.columns(), current.primaryKey(), constraints);
    }

    /** Returns whether the table has a constraint of that name, its primary key included. */
    static boolean named(TableInfo table, String name) {
        return isPrimaryKey(table, name) || table.constraints().stream().anyMatch(c -> c.name().equals(name));
    }

    /** Returns {@code current} without the named constraint; 42704 when it has none. */
    static TableInfo withoutConstraint(TableInfo current, String name) {
        if (isPrimaryKey(current, name)) {
            // the key's columns stay NOT NULL, as in PostgreSQL 15
            return with(current, current.columns(), List.of(), current.constraints());
        }
        List<TableConstraint> constraints = new ArrayList<>(current.constraints());
        if (!constraints.removeIf(c -> c.name().equals(name))) {
            throw missing(current, name);
        }
        return with(current, current.columns(), current.primaryKey(), constraints);
    }

    static PgException missing(TableInfo table, String name) {
        return new PgException(SqlState.UNDEFINED_OBJECT,
                "constraint \"" + name + "\" of relation \"" + table.name() + "\" does not exist");
    }

    /**
     * Returns the foreign keys, of any table, that need the table's key of this name: those whose
     * referenced columns are the key's and that no other key of the table could serve.
     */
    static List<Dependent> dependents(MemoryCatalog catalog, TableInfo table, String keyName) {
        Set<Integer> key = keyColumns(table, keyName);
        if (key == null) {
            return List.of();
        }
        List<Dependent> found = new ArrayList<>();
        for (MemoryTable other : catalog.all()) {
            TableInfo info = other.info();
            for (TableConstraint.ForeignKey foreignKey : info.constraints(TableConstraint.ForeignKey.class)) {
                if (foreignKey.referencedSchema().equals(table.schema())
                        && foreignKey.referencedTable().equals(table.name())
                        && new HashSet<>(foreignKey.referencedColumns()).equals(key)
                        && !otherKeyServes(table, keyName, key)) {
                    found.add(new Dependent(other, foreignKey.name()));
                }
            }
        }
        return found;
    }

    /** A foreign key of a table that depends on a key of another (or the same) table. */
    record Dependent(MemoryTable table, String constraint) {

        String describe() {
            return "constraint " + constraint + " on table " + table.info().name();
        }
    }

    /** 2BP01 for dropping a key that foreign keys need, without CASCADE. */
    static PgException stillNeeded(TableInfo table, String name, List<Dependent> dependents) {
        StringBuilder detail = new StringBuilder();
        for (Dependent dependent : dependents) {
            if (!detail.isEmpty()) {
                detail.append('\n');
            }
            detail.append(dependent.describe()).append(" depends on index ").append(name);
        }
        return new PgException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, Severity.ERROR,
                "cannot drop constraint " + name + " on table " + table.name()
                        + " because other objects depend on it", detail.toString(),
                "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
    }

    /** Returns {@code current} with the column NOT NULL or nullable; SET NOT NULL first checks the rows. */
    static TableInfo withNotNull(MemoryTable table, TableInfo current, String column, boolean notNull,
                                 LongPredicate running) {
        int index = current.columnIndex(column);
        if (index < 0) {
            throw new PgException(SqlState.UNDEFINED_COLUMN,
                    "column \"" + column + "\" of relation \"" + current.name() + "\" does not exist");
        }
        ColumnInfo info = current.columns().get(index);
        if (!notNull && current.primaryKey().contains(index)) {
            throw new PgException(SqlState.INVALID_TABLE_DEFINITION, "column \"" + column + "\" is in a primary key");
        }
        if (!notNull && info.identity() != null) {
            throw new PgException(SqlState.INVALID_TABLE_DEFINITION,
                    "column \"" + column + "\" of relation \"" + current.name() + "\" is an identity column");
        }
        if (notNull && !info.notNull()) {
            requireNoNulls(table, current, index, running);
        }
        List<ColumnInfo> columns = new ArrayList<>(current.columns());
        columns.set(index, info.withNotNull(notNull));
        return with(current, columns, current.primaryKey(), current.constraints());
    }

    private static void requireNoNulls(MemoryTable table, TableInfo current, int column,
                                       LongPredicate running) {
        for (RowStore.Cursor row = table.rows().cursor(); row.next(); ) {
            RowVersion newest = row.version();
            long xmax = newest.xmax();
            boolean gone = xmax != RowVersion.NONE && !running.test(xmax);
            if (!gone && newest.values()[column] == null) {
                throw new PgException(SqlState.NOT_NULL_VIOLATION, Severity.ERROR,
                        "column \"" + current.columns().get(column).name() + "\" of relation \"" + current.name()
                                + "\" contains null values", null, null, 0, null);
            }
        }
    }

    private static boolean isPrimaryKey(TableInfo table, String name) {
        return !table.primaryKey().isEmpty() && name.equals(table.name() + "_pkey");
    }

    /** Returns the columns of the primary key or UNIQUE constraint of that name, or null for another kind. */
    private static Set<Integer> keyColumns(TableInfo table, String name) {
        if (isPrimaryKey(table, name)) {
            return new HashSet<>(table.primaryKey());
        }
        return table.constraints(TableConstraint.Unique.class).stream().filter(u -> u.name().equals(name))
                .findFirst().<Set<Integer>>map(u -> new HashSet<>(u.columns())).orElse(null);
    }

    private static boolean otherKeyServes(TableInfo table, String keyName, Set<Integer> key) {
        if (!isPrimaryKey(table, keyName) && !table.primaryKey().isEmpty()
                && new HashSet<>(table.primaryKey()).equals(key)) {
            return true;
        }
        return table.constraints(TableConstraint.Unique.class).stream()
                .anyMatch(u -> !u.name().equals(keyName) && new HashSet<>(u.columns()).equals(key));
    }

    private static TableInfo with(TableInfo current, List<ColumnInfo> columns, List<Integer> primaryKey,
                                  List<TableConstraint> constraints) {
        return new TableInfo(current.oid(), current.schema(), current.name(), columns, primaryKey, constraints,
                current.indexes());
    }
}
