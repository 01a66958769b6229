package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.SequenceOwner;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableInfo;
import org.modgres.shmem.impl.codec.ValueCodec;

/**
 * ALTER TABLE's changes of columns: ADD and DROP COLUMN rewrite every row into a new layout,
 * RENAME COLUMN and RENAME TO change names and what refers to them. A rewrite first waits for
 * the other transactions that changed rows of the table, and makes later writers wait until this
 * transaction ends, so that no row of the other layout is stored or logged meanwhile.
 */
final class ColumnChanges {

    private final MemoryTransaction transaction;
    private final MemoryCatalog catalog;
    private final ActiveTransactions active;
    private final TransactionTable transactions;

    ColumnChanges(MemoryTransaction transaction, MemoryCatalog catalog, ActiveTransactions active,
                  TransactionTable transactions) {
        this.transaction = transaction;
        this.catalog = catalog;
        this.active = active;
        this.transactions = transactions;
    }

    /** Adds a nullable column at the end; every row has {@code value} in it. */
    TableInfo addColumn(String schema, String name, ColumnInfo column, Object value) {
        MemoryTable table = catalog.lookup(schema, name);
        return rewriting(table, previous -> {
            if (previous.columnIndex(column.name()) >= 0) {
                throw new PgException(SqlState.DUPLICATE_COLUMN,
                        "column \"" + column.name() + "\" of relation \"" + name + "\" already exists");
            }
            List<ColumnInfo> columns = new ArrayList<>(previous.columns());
            columns.add(column.withNotNull(false));
            Object stored = value == null ? null : ValueCodec.canonical(column.type().type(), value);
            TableInfo altered = new TableInfo(previous.oid(), previous.schema(), previous.name(), columns,
                    previous.primaryKey(), previous.constraints(), previous.indexes());
            rewrite(table, previous, altered, TableRewrite.addColumn(previous.columns().size(), stored));
            return altered;
        });
    }

    /**
     * Drops a column with the table's constraints and indexes that use it, and the CHECK
     * constraints named; the foreign keys of other tables that reference it only with
     * {@code cascade}. Returns what was dropped with it, as PostgreSQL's notices name it.
     */
    List<String> dropColumn(String schema, String name, String column, List<String> checks, boolean cascade) {
        MemoryTable table = catalog.lookup(schema, name);
        List<String> cascaded = new ArrayList<>();
        rewriting(table, previous -> {
            int position = previous.columnIndex(column);
            if (position < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN,
                        "column \"" + column + "\" of relation \"" + name + "\" does not exist");
            }
            List<MemoryTable> referencing = new ArrayList<>();
            for (MemoryTable other : catalog.all()) {
                for (TableConstraint.ForeignKey key : other.info().constraints(TableConstraint.ForeignKey.class)) {
                    // a foreign key on the column itself goes with it; one that needs it as a key asks for CASCADE
                    boolean own = other == table && key.columns().contains(position);
                    if (!own && references(key, previous) && key.referencedColumns().contains(position)) {
                        if (!cascade) {
                            throw new PgException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, Severity.ERROR,
                                    "cannot drop column " + column + " of table " + name
                                            + " because other objects depend on it",
                                    "constraint " + key.name() + " on table " + other.info().name()
                                            + " depends on column " + column + " of table " + name,
                                    "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
                        }
                        cascaded.add("constraint " + key.name() + " on table " + other.info().name());
                    }
                }
                if (other != table) {
                    referencing.add(other);
                }
            }
            TableInfo altered = previous.withoutColumn(position, checks);
            rewrite(table, previous, altered, TableRewrite.dropColumn(position));
            for (MemoryTable other : referencing) {
                TableInfo before = other.info();
                TableInfo after = ColumnLayout.withReferencedColumnDropped(before, previous, position);
                if (!after.equals(before)) {
                    redefine(other, before, after);
                }
            }
            return altered;
        });
        dropOwnedSequence(schema, name, column);
        return cascaded;
    }

    /** Renames a column, rewriting the CHECK constraints that name it as {@code checks} gives them. */
    TableInfo renameColumn(String schema, String name, String column, String newName, Map<String, String> checks) {
        MemoryTable table = catalog.lookup(schema, name);
        TableInfo altered = transaction.change(() -> {
            TableInfo previous = table.info();
            int position = previous.columnIndex(column);
            if (position < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN,
                        "column \"" + column + "\" does not exist");
            }
            if (previous.columnIndex(newName) >= 0) {
                throw new PgException(SqlState.DUPLICATE_COLUMN,
                        "column \"" + newName + "\" of relation \"" + name + "\" already exists");
            }
            TableInfo renamed = ColumnLayout.withColumnRenamed(previous, position, newName, checks);
            redefine(table, previous, renamed);
            return renamed;
        });
        for (SequenceInfo sequence : catalog.sequences(schema)) {
            SequenceOwner owner = sequence.owner();
            if (owner != null && owner.isOf(schema, name) && owner.column().equals(column)) {
                transaction.alterSequence(sequence.oid(), sequence.options(),
                        new SequenceOwner(schema, name, newName));
            }
        }
        return altered;
    }

    /** Renames a table, and the references to it of foreign keys and owned sequences. */
    TableInfo renameTable(String schema, String name, String newName) {
        MemoryTable table = catalog.lookup(schema, name);
        TableInfo altered = transaction.change(() -> {
            if (IndexBuilder.relationExists(catalog, schema, newName)) {
                throw new PgException(SqlState.DUPLICATE_TABLE, "relation \"" + newName + "\" already exists");
            }
            TableInfo previous = table.info();
            for (MemoryTable other : catalog.all()) {
                TableInfo before = other == table ? previous : other.info();
                TableInfo after = ColumnLayout.withReferencedTableRenamed(before, schema, name, newName);
                if (other == table) {
                    after = new TableInfo(after.oid(), after.schema(), newName, after.columns(), after.primaryKey(),
                            after.constraints(), after.indexes());
                    redefine(table, previous, after);
                } else if (!after.equals(before)) {
                    redefine(other, before, after);
                }
            }
            return table.info();
        });
        for (SequenceInfo sequence : catalog.sequences(schema)) {
            SequenceOwner owner = sequence.owner();
            if (owner != null && owner.isOf(schema, name)) {
                transaction.alterSequence(sequence.oid(), sequence.options(),
                        new SequenceOwner(schema, newName, owner.column()));
            }
        }
        return altered;
    }

    private static boolean references(TableConstraint.ForeignKey key, TableInfo table) {
        return key.referencedSchema().equals(table.schema()) && key.referencedTable().equals(table.name());
    }

    private void dropOwnedSequence(String schema, String table, String column) {
        for (SequenceInfo sequence : catalog.sequences(schema)) {
            SequenceOwner owner = sequence.owner();
            if (owner != null && owner.isOf(schema, table) && owner.column().equals(column)) {
                transaction.dropSequence(sequence.schema(), sequence.name());
            }
        }
    }

    /**
     * Runs a rewrite once no other running transaction has changed a row of the table, waiting
     * for those that have, with deadlock detection; the table then stays this transaction's to
     * change until it ends.
     */
    private <T> T rewriting(MemoryTable table, Function<TableInfo, T> change) {
        long self = transaction.ensureXid();
        while (true) {
            long other = otherWriter(table, self);
            if (other != RowVersion.NONE) {
                transactions.awaitEnd(transaction, other);
                continue;
            }
            Supplier<Attempt<T>> attempt = () -> {
                if (otherWriter(table, self) != RowVersion.NONE) {
                    return null;
                }
                transaction.register();
                table.rewrittenBy(self);
                return new Attempt<>(change.apply(table.info()));
            };
            Attempt<T> done = active.exclusive(attempt);
            if (done != null) {
                return done.result();
            }
        }
    }

    private record Attempt<T>(T result) {
    }

    /** Returns a running transaction other than {@code self} that wrote the newest version of a row, or NONE. */
    private long otherWriter(MemoryTable table, long self) {
        for (RowStore.Cursor row = table.rows().cursor(); row.next(); ) {
            RowVersion newest = row.version();
            for (long xid : new long[] {newest.xmin, newest.xmax()}) {
                if (xid != RowVersion.NONE && xid != self && transactions.isRunning(xid)) {
                    return xid;
                }
            }
        }
        return RowVersion.NONE;
    }

    private void rewrite(MemoryTable table, TableInfo previous, TableInfo altered, TableRewrite rewrite) {
        RowStore previousRows = table.rows();
        catalog.replaceRows(table, table.rewrittenRows(rewrite::apply, altered), altered);
        transaction.record(new UndoEntry.RowsRewritten(active.nextSequence(), table, previous, previousRows),
                redo -> redo.rewriteTable(altered, rewrite));
    }

    private void redefine(MemoryTable table, TableInfo previous, TableInfo altered) {
        catalog.redefine(table, altered);
        transaction.record(new UndoEntry.TableAltered(active.nextSequence(), table, previous),
                redo -> redo.alterTable(altered));
    }
}
