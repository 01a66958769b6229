package org.modgres.executor.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.exec.ExecutionContext;
import org.modgres.api.plan.CreateTablePlan;
import org.modgres.api.plan.DropTablePlan;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.SequenceOwner;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;

/**
 * CREATE TABLE, with the sequences of its SERIAL and identity columns, and DROP TABLE, with
 * PostgreSQL's IF [NOT] EXISTS notices.
 */
final class DdlRunner {

    private DdlRunner() {
    }

    static void createTable(CreateTablePlan plan, ExecutionContext context) {
        Transaction transaction = context.transaction();
        TableDefinition definition = plan.definition();
        // the sequences first, as in PostgreSQL: their names decide the columns' defaults
        List<SequenceInfo> sequences = new ArrayList<>();
        for (CreateTablePlan.OwnedSequence sequence : plan.ownedSequences()) {
            SequenceInfo created = createSequence(transaction, definition.schema(), sequence);
            sequences.add(created);
            if (!created.name().equals(sequence.name())) {
                definition = renamed(definition, sequence, created.name());
            }
        }
        try {
            transaction.createTable(definition);
        } catch (PgException e) {
            if (!plan.ifNotExists() || e.sqlState() != SqlState.DUPLICATE_TABLE) {
                throw e;
            }
            for (SequenceInfo sequence : sequences) {
                transaction.dropSequence(sequence.schema(), sequence.name());
            }
            context.notice("relation \"" + definition.name() + "\" already exists, skipping");
            return;
        }
        for (int i = 0; i < sequences.size(); i++) {
            SequenceInfo sequence = sequences.get(i);
            transaction.alterSequence(sequence.oid(), sequence.options(), new SequenceOwner(definition.schema(),
                    definition.name(), plan.ownedSequences().get(i).column()));
        }
    }

    /**
     * Creates a column's sequence under the name planned or, as PostgreSQL does when a relation has
     * that name, under the first free one with a number appended.
     */
    static SequenceInfo createSequence(Transaction transaction, String schema,
                                               CreateTablePlan.OwnedSequence sequence) {
        for (int suffix = 0; ; suffix++) {
            try {
                return transaction.createSequence(schema, suffix == 0 ? sequence.name() : sequence.name() + suffix,
                        sequence.options(), null);
            } catch (PgException e) {
                if (e.sqlState() != SqlState.DUPLICATE_TABLE) {
                    throw e;
                }
            }
        }
    }

    /** Returns the definition with the column's default calling the sequence under its new name. */
    private static TableDefinition renamed(TableDefinition definition, CreateTablePlan.OwnedSequence sequence,
                                           String name) {
        List<ColumnInfo> columns = new ArrayList<>();
        for (ColumnInfo column : definition.columns()) {
            columns.add(!column.name().equals(sequence.column()) || column.defaultExpression() == null ? column
                    : column.withDefault(column.defaultExpression().replace("'" + sequence.name() + "'",
                            "'" + name + "'")));
        }
        return new TableDefinition(definition.schema(), definition.name(), columns, definition.primaryKey(),
                definition.constraints());
    }

    /**
     * Drops the tables, those another of them references first, so that {@code DROP TABLE a, b}
     * works whichever references the other; with CASCADE, the foreign keys of other tables and the
     * views that need a table go first, as PostgreSQL's NOTICE lists them.
     */
    static void dropTables(DropTablePlan plan, ExecutionContext context) {
        Transaction transaction = context.transaction();
        Catalog catalog = transaction.catalog();
        List<TableInfo> tables = new ArrayList<>();
        for (List<String> qualified : plan.tables()) {
            String name = qualified.get(qualified.size() - 1);
            String schema = qualified.size() >= 2 ? qualified.get(qualified.size() - 2) : Catalog.DEFAULT_SCHEMA;
            Optional<TableInfo> table = catalog.table(schema, name);
            if (table.isPresent()) {
                tables.add(table.get());
            } else if (catalog.sequence(schema, name).isPresent()) {
                // the storage's error says to use DROP SEQUENCE
                transaction.dropTable(schema, name);
            } else if (!plan.ifExists()) {
                throw new PgException(SqlState.UNDEFINED_TABLE, "table \"" + name + "\" does not exist");
            } else {
                context.notice("table \"" + name + "\" does not exist, skipping");
            }
        }
        List<String> cascaded = plan.cascade() ? TableDependents.dropAll(transaction, catalog, tables) : List.of();
        for (TableInfo table : TableDependents.referencedLast(transaction, tables)) {
            transaction.dropTable(table.schema(), table.name());
        }
        if (cascaded.size() == 1) {
            context.notice("drop cascades to " + cascaded.getFirst());
        } else if (!cascaded.isEmpty()) {
            context.notice("drop cascades to " + cascaded.size() + " other objects",
                    String.join("\n", cascaded.stream().map(c -> "drop cascades to " + c).toList()));
        }
    }
}
