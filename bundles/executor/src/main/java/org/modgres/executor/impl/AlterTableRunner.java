package org.modgres.executor.impl;

import java.time.OffsetDateTime;
import java.util.List;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.exec.ExecutionContext;
import org.modgres.api.plan.AlterTablePlan;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.Transaction;
import org.modgres.executor.impl.catalog.StatementCatalogContext;
import org.modgres.executor.impl.dml.ConstraintValidation;
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
            }
        }
    }

    private static void validate(AlterTablePlan.AddConstraint add, TableAccess table, ExecutionContext context,
                                 Interrupts interrupts) {
        switch (add.constraint()) {
            case TableConstraint.Check check -> {
                ExpressionCompiler compiler = new ExpressionCompiler(List.of(),
                        add.checks().getCluster().getRexBuilder(), OffsetDateTime.now(),
                        new StatementCatalogContext(context));
                ConstraintValidation.checkRows(table, check.name(), add.checks(), compiler, interrupts);
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
