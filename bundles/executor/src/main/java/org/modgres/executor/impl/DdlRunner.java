package org.modgres.executor.impl;

import java.util.ArrayList;
import java.util.List;

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
    private static SequenceInfo createSequence(Transaction transaction, String schema,
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

    static void dropTables(DropTablePlan plan, ExecutionContext context) {
        Transaction transaction = context.transaction();
        for (List<String> qualified : plan.tables()) {
            String name = qualified.get(qualified.size() - 1);
            String schema = qualified.size() >= 2 ? qualified.get(qualified.size() - 2) : Catalog.DEFAULT_SCHEMA;
            try {
                transaction.dropTable(schema, name);
            } catch (PgException e) {
                if (e.sqlState() != SqlState.UNDEFINED_TABLE) {
                    throw e;
                }
                if (!plan.ifExists()) {
                    throw new PgException(SqlState.UNDEFINED_TABLE, "table \"" + name + "\" does not exist");
                }
                context.notice("table \"" + name + "\" does not exist, skipping");
            }
        }
    }
}
