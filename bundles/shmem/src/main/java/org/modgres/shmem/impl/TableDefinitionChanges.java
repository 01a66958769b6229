package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.List;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableIndex;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.TableLockMode;

/**
 * A transaction's changes to tables' definitions: primary keys and indexes added or dropped,
 * column defaults set. Each redefines the table, undone by a rollback and logged for recovery;
 * those that read every row do so while no other change can happen, as under PostgreSQL's lock.
 */
final class TableDefinitionChanges {

    private final MemoryTransaction transaction;
    private final MemoryCatalog catalog;
    private final ActiveTransactions active;
    private final TransactionTable transactions;

    TableDefinitionChanges(MemoryTransaction transaction, MemoryCatalog catalog, ActiveTransactions active,
                           TransactionTable transactions) {
        this.transaction = transaction;
        this.catalog = catalog;
        this.active = active;
        this.transactions = transactions;
    }

    TableInfo addPrimaryKey(String schema, String name, List<String> columns) {
        MemoryTable table = catalog.lookup(schema, name);
        long self = transaction.ensureXid();
        return active.exclusive(() -> {
            TableInfo previous = table.info();
            TableInfo keyed = PrimaryKeyBuilder.keyed(table, previous, columns,
                    other -> other != self && transactions.isRunning(other));
            transaction.register();
            redefine(table, previous, keyed);
            return keyed;
        });
    }

    TableInfo createIndex(String schema, String name, TableIndex index) {
        MemoryTable table = catalog.lookup(schema, name);
        long self = transaction.ensureXid();
        return active.exclusive(() -> {
            TableInfo previous = table.info();
            TableInfo indexed = IndexBuilder.withIndex(catalog, table, previous, index,
                    other -> other != self && transactions.isRunning(other));
            transaction.register();
            redefine(table, previous, indexed);
            return indexed;
        });
    }

    TableInfo dropIndex(String schema, String name) {
        MemoryTable found = IndexBuilder.tableWithIndex(catalog, schema, name);
        // PostgreSQL's lock for DROP INDEX: nobody reads the table through an index going away
        MemoryTable table = found != null && transaction.lock(found, TableLockMode.ACCESS_EXCLUSIVE, false)
                ? IndexBuilder.tableWithIndex(catalog, schema, name) : found;
        if (table == null) {
            TableInfo owner = IndexBuilder.tableWithKeyIndex(catalog, schema, name);
            if (owner != null) {
                throw new PgException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, Severity.ERROR,
                        "cannot drop index " + name + " because constraint " + name + " on table " + owner.name()
                                + " requires it", null,
                        "You can drop constraint " + name + " on table " + owner.name() + " instead.", 0, null);
            }
            throw new PgException(SqlState.UNDEFINED_OBJECT, "index \"" + name + "\" does not exist");
        }
        transaction.ensureXid();
        return active.exclusive(() -> {
            TableInfo previous = table.info();
            TableInfo dropped = IndexBuilder.withoutIndex(previous, name);
            transaction.register();
            redefine(table, previous, dropped);
            return dropped;
        });
    }

    TableInfo setColumnDefault(String schema, String name, String column, String expression) {
        MemoryTable table = catalog.lookup(schema, name);
        return transaction.change(() -> {
            TableInfo previous = table.info();
            int index = previous.columnIndex(column);
            if (index < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN,
                        "column \"" + column + "\" of relation \"" + name + "\" does not exist");
            }
            if (previous.columns().get(index).identity() != null) {
                PgException identity = new PgException(SqlState.SYNTAX_ERROR,
                        "column \"" + column + "\" of relation \"" + name + "\" is an identity column");
                throw expression == null
                        ? identity.withHint("Use ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY instead.") : identity;
            }
            List<ColumnInfo> columns = new ArrayList<>(previous.columns());
            columns.set(index, columns.get(index).withDefault(expression));
            TableInfo altered = new TableInfo(previous.oid(), previous.schema(), previous.name(), columns,
                    previous.primaryKey(), previous.constraints(), previous.indexes());
            redefine(table, previous, altered);
            return altered;
        });
    }

    TableInfo setNotNull(String schema, String name, String column, boolean notNull) {
        MemoryTable table = catalog.lookup(schema, name);
        long self = transaction.ensureXid();
        return active.exclusive(() -> {
            TableInfo previous = table.info();
            TableInfo altered = ConstraintChanges.withNotNull(table, previous, column, notNull,
                    other -> other != self && transactions.isRunning(other));
            transaction.register();
            redefine(table, previous, altered);
            return altered;
        });
    }

    TableInfo addConstraint(String schema, String name, TableConstraint constraint) {
        MemoryTable table = catalog.lookup(schema, name);
        long self = transaction.ensureXid();
        return active.exclusive(() -> {
            TableInfo previous = table.info();
            TableInfo altered = ConstraintChanges.withConstraint(catalog, table, previous, constraint,
                    other -> other != self && transactions.isRunning(other));
            transaction.register();
            redefine(table, previous, altered);
            return altered;
        });
    }

    List<String> dropConstraint(String schema, String name, String constraint, boolean cascade) {
        MemoryTable table = catalog.lookup(schema, name);
        transaction.ensureXid();
        return active.exclusive(() -> {
            TableInfo previous = table.info();
            if (!ConstraintChanges.named(previous, constraint)) {
                throw ConstraintChanges.missing(previous, constraint);
            }
            List<ConstraintChanges.Dependent> dependents = ConstraintChanges.dependents(catalog, previous, constraint);
            if (!dependents.isEmpty() && !cascade) {
                throw ConstraintChanges.stillNeeded(previous, constraint, dependents);
            }
            transaction.register();
            List<String> dropped = new ArrayList<>();
            for (ConstraintChanges.Dependent dependent : dependents) {
                if (dependent.table() != table) {
                    TableInfo before = dependent.table().info();
                    redefine(dependent.table(), before, ConstraintChanges.withoutConstraint(before,
                            dependent.constraint()));
                }
                dropped.add(dependent.describe());
            }
            TableInfo current = table.info();
            for (ConstraintChanges.Dependent dependent : dependents) {
                if (dependent.table() == table) {
                    current = ConstraintChanges.withoutConstraint(current, dependent.constraint());
                }
            }
            redefine(table, previous, ConstraintChanges.withoutConstraint(current, constraint));
            return dropped;
        });
    }

    private void redefine(MemoryTable table, TableInfo previous, TableInfo altered) {
        catalog.redefine(table, altered);
        transaction.record(new UndoEntry.TableAltered(active.nextSequence(), table, previous),
                redo -> redo.alterTable(altered));
    }
}
