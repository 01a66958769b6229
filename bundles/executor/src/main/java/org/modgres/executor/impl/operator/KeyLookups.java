package org.modgres.executor.impl.operator;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.PgType;
import org.modgres.executor.impl.expr.Evaluator;
import org.modgres.executor.impl.expr.ExpressionCompiler;

/**
 * Finds filters over a table that pin every primary-key column to a value known before the scan
 * ({@code aid = $1}, {@code id = 42 AND name = 'x'}), so that the row is fetched through the
 * primary-key index. The filter itself still runs on the fetched row, so the lookup only has to
 * find a superset of the right rows.
 */
public final class KeyLookups {

    /** Key types whose equality in SQL is equality of the stored values. */
    private static final Set<PgType> EXACT_KEY_TYPES = Set.of(PgType.INT2, PgType.INT4, PgType.INT8, PgType.TEXT,
            PgType.VARCHAR, PgType.UUID, PgType.BOOL, PgType.DATE);

    private KeyLookups() {
    }

    /** Returns the key values a condition pins, in key-column order, or empty when it does not pin all of them. */
    public static Optional<Evaluator[]> keyValues(RexNode condition, TableScan scan, Transaction transaction,
                                           ExpressionCompiler compiler) {
        TableNames names = TableNames.of(scan.getTable());
        TableInfo info = transaction.table(names.schema(), names.table()).info();
        List<Integer> key = info.primaryKey();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        for (int column : key) {
            if (!EXACT_KEY_TYPES.contains(info.columns().get(column).type().type())) {
                return Optional.empty();
            }
        }
        RexNode[] pinned = new RexNode[info.columns().size()];
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            if (conjunct.getKind() != SqlKind.EQUALS) {
                continue;
            }
            List<RexNode> operands = ((RexCall) conjunct).getOperands();
            pin(operands.get(0), operands.get(1), pinned);
            pin(operands.get(1), operands.get(0), pinned);
        }
        Evaluator[] values = new Evaluator[key.size()];
        for (int i = 0; i < values.length; i++) {
            RexNode value = pinned[key.get(i)];
            if (value == null) {
                return Optional.empty();
            }
            values[i] = compiler.compile(value);
        }
        return Optional.of(values);
    }

    private static void pin(RexNode column, RexNode value, RexNode[] pinned) {
        if (column instanceof RexInputRef ref && ref.getIndex() < pinned.length && isKnownBeforeScan(value)
                && pinned[ref.getIndex()] == null) {
            pinned[ref.getIndex()] = value;
        }
    }

    private static boolean isKnownBeforeScan(RexNode value) {
        if (value instanceof RexLiteral || value instanceof RexDynamicParam) {
            return true;
        }
        return value.getKind() == SqlKind.CAST && isKnownBeforeScan(((RexCall) value).getOperands().get(0));
    }
}
