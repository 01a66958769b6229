package org.modgres.executor.impl.dml;

import org.apache.calcite.rel.RelNode;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.Transaction;
import org.modgres.executor.impl.expr.ExpressionCompiler;
import org.modgres.executor.impl.operator.Interrupts;

/**
 * Checks the rows a table already has against a CHECK or FOREIGN KEY constraint that ALTER TABLE
 * adds, with PostgreSQL's errors: 23514 "violated by some row" for a check, and for a foreign key
 * the 23503 an insert of the first row without its key would have raised.
 */
public final class ConstraintValidation {

    private ConstraintValidation() {
    }

    /**
     * @param checks the constraint's condition over the table's rows, as
     *               {@link org.modgres.api.plan.AlterTablePlan.AddConstraint#checks()} carries it
     */
    public static void checkRows(TableAccess table, String constraint, RelNode checks, ExpressionCompiler compiler,
                                 Interrupts interrupts) {
        RowPipeline condition = RowPipeline.compile(checks, compiler);
        try (RowScan scan = table.scan()) {
            while (scan.next()) {
                interrupts.tick();
                if (Boolean.FALSE.equals(condition.apply(scan.row())[0])) {
                    throw new PgException(SqlState.CHECK_VIOLATION, "check constraint \"" + constraint
                            + "\" of relation \"" + table.info().name() + "\" is violated by some row");
                }
            }
        }
    }

    public static void foreignKeyRows(Transaction transaction, TableAccess table, TableConstraint.ForeignKey key,
                                      Interrupts interrupts) {
        ForeignKeys keys = new ForeignKeys(transaction);
        try (RowScan scan = table.scan()) {
            while (scan.next()) {
                interrupts.tick();
                keys.checkReference(table.info(), key, scan.row());
            }
        }
    }
}
