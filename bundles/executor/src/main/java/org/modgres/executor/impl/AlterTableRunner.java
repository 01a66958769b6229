package org.modgres.executor.impl;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.rel.RelNode;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.exec.ExecutionContext;
import org.modgres.api.plan.AlterTablePlan;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.SequenceOwner;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.Transaction;
import org.modgres.executor.impl.catalog.StatementCatalogContext;
import org.modgres.executor.impl.dml.ConstraintValidation;
import org.modgres.executor.impl.dml.RowPipeline;
import org.modgres.executor.impl.expr.ExpressionCompiler;
import org.modgres.executor.impl.operator.Interrupts;

/**
 * ALTER TABLE: applies the actions in order inside the statement's transaction. A CHECK or
 * FOREIGN KEY constraint is added first and the rows checked after, so that a row another session
 * inserts meanwhile is checked by its own statement; a failed check rolls the statement back.
 */
final class AlterTableRunner {

    private AlterTableRunner() {
    }

    static void alter(AlterTablePlan plan, ExecutionContext context) {
        String schema = plan.table().get(0);
        String name = plan.table().get(1);
        if (plan.ifExists() && plan.actions().isEmpty()) {
            context.notice("relation \"" + name + "\" does not exist, skipping");
            return;
        }
        Transaction transaction = context.transaction();
        Interrupts interrupts = new Interrupts(context);
        for (AlterTablePlan.Action action : plan.actions()) {
            switch (action) {
                case AlterTablePlan.AddPrimaryKey key -> transaction.addPrimaryKey(schema, name, key.columns());
                case AlterTablePlan.AddConstraint add -> {
                    transaction.addConstraint(schema, name, add.constraint());
                    validate(add, transaction.table(schema, name), context, interrupts);
                }
                case AlterTablePlan.DropConstraint drop -> dropConstraint(transaction, schema, name, drop, context);
                case AlterTablePlan.SetDefault setDefault ->
                        transaction.setColumnDefault(schema, name, setDefault.column(), setDefault.expression());
                case AlterTablePlan.SetNotNull notNull ->
                        transaction.setNotNull(schema, name, notNull.column(), notNull.notNull());
                case AlterTablePlan.AddColumn add -> addColumn(transaction, schema, name, add, context, interrupts);
                case AlterTablePlan.DropColumn drop -> dropColumn(transaction, schema, name, drop, context);
                case AlterTablePlan.RenameColumn rename ->
                        transaction.renameColumn(schema, name, rename.column(), rename.newName(), rename.checks());
                case AlterTablePlan.RenameTable rename -> transaction.renameTable(schema, name, rename.newName());
            }
        }
    }

    /**
     * Adds the column nullable with its default in every row (computed once, or per row for a
     * volatile one such as a SERIAL column's nextval), then makes it NOT NULL if declared so.
     */
    private static void addColumn(Transaction transaction, String schema, String name, AlterTablePlan.AddColumn add,
                                  ExecutionContext context, Interrupts interrupts) {
        ColumnInfo column = add.column();
        if (add.ifNotExists() && transaction.table(schema, name).info().columnIndex(column.name()) >= 0) {
            context.notice("column \"" + column.name() + "\" of relation \"" + name + "\" already exists, skipping");
            return;
        }
        SequenceInfo sequence = null;
        if (add.sequence() != null) {
            sequence = DdlRunner.createSequence(transaction, schema, add.sequence());
            column = column.withDefault(column.defaultExpression().replace("'" + add.sequence().name() + "'",
                    "'" + sequence.name() + "'"));
        }
        RowPipeline defaults = add.defaultValue() == null ? null : RowPipeline.compile(add.defaultValue(),
                compiler(add.defaultValue(), context));
        Object once = defaults == null || add.perRow() ? null
                : defaults.apply(new Object[transaction.table(schema, name).info().columns().size() + 1])[0];
        transaction.addColumn(schema, name, column.withNotNull(false), once);
        if (add.perRow()) {
            TableAccess table = transaction.table(schema, name);
            Map<Long, Object[]> rows = new LinkedHashMap<>();
            try (RowScan scan = table.scan()) {
                while (scan.next()) {
                    interrupts.tick();
                    rows.put(scan.rowId(), scan.row());
                }
            }
            int position = table.info().columns().size() - 1;
            for (Map.Entry<Long, Object[]> row : rows.entrySet()) {
                Object[] changed = row.getValue().clone();
                changed[position] = sequence != null ? transaction.nextval(sequence.oid())
                        : defaults.apply(row.getValue())[0];
                table.update(row.getKey(), changed);
            }
        }
        if (sequence != null) {
            transaction.alterSequence(sequence.oid(), sequence.options(),
                    new SequenceOwner(schema, name, column.name()));
        }
        if (column.notNull()) {
            transaction.setNotNull(schema, name, column.name(), true);
        }
    }

    private static void dropColumn(Transaction transaction, String schema, String name,
                                   AlterTablePlan.DropColumn drop, ExecutionContext context) {
        if (drop.ifExists() && transaction.table(schema, name).info().columnIndex(drop.column()) < 0) {
            context.notice("column \"" + drop.column() + "\" of relation \"" + name + "\" does not exist, skipping");
            return;
        }
        for (String dropped : transaction.dropColumn(schema, name, drop.column(), drop.checks(), drop.cascade())) {
            context.notice("drop cascades to " + dropped);
        }
    }

    private static ExpressionCompiler compiler(RelNode rel, ExecutionContext context) {
        return new ExpressionCompiler(List.of(), rel.getCluster().getRexBuilder(), OffsetDateTime.now(),
                new StatementCatalogContext(context));
    }

    private static void validate(AlterTablePlan.AddConstraint add, TableAccess table, ExecutionContext context,
                                 Interrupts interrupts) {
        switch (add.constraint()) {
            case TableConstraint.Check check -> {
                ConstraintValidation.checkRows(table, check.name(), add.checks(), compiler(add.checks(), context),
                        interrupts);
            }
            case TableConstraint.ForeignKey key ->
                    ConstraintValidation.foreignKeyRows(context.transaction(), table, key, interrupts);
            case TableConstraint.Unique unique -> {
                // the storage checked the rows while it built the constraint's index
            }
        }
    }

    private static void dropConstraint(Transaction transaction, String schema, String name,
                                       AlterTablePlan.DropConstraint drop, ExecutionContext context) {
        List<String> cascaded;
        try {
            cascaded = transaction.dropConstraint(schema, name, drop.name(), drop.cascade());
        } catch (PgException e) {
            if (!drop.ifExists() || e.sqlState() != SqlState.UNDEFINED_OBJECT) {
                throw e;
            }
            context.notice("constraint \"" + drop.name() + "\" of relation \"" + name + "\" does not exist, skipping");
            return;
        }
        for (String dropped : cascaded) {
            context.notice("drop cascades to " + dropped);
        }
    }
}
