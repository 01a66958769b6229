package org.modgres.executor.impl.operator;

import java.util.ArrayList;
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
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableIndex;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.PgType;
import org.modgres.executor.impl.expr.Evaluator;
import org.modgres.executor.impl.expr.ExpressionCompiler;

/**
 * Finds filters over a table that pin every column of one of its indexes to a value known before
 * the scan ({@code aid = $1}, {@code id = 42 AND name = 'x'}, {@code email = $1} with an index on
 * email), so that the rows are fetched through that index: the primary key's if pinned, else a
 * unique one's, else any other's. The filter itself still runs on the fetched rows, so the lookup
 * only has to find a superset of the right rows.
 */
public final class KeyLookups {

    /** Key types whose equality in SQL is equality of the stored values. */
    private static final Set<PgType> EXACT_KEY_TYPES = Set.of(PgType.INT2, PgType.INT4, PgType.INT8, PgType.TEXT,
            PgType.VARCHAR, PgType.UUID, PgType.BOOL, PgType.DATE);

    /** The columns of the index to read, and the values the filter pins them to, in the same order. */
    public record KeyLookup(List<Integer> columns, Evaluator[] values) {
    }

    private KeyLookups() {
    }

    /** Returns the lookup through the best index whose columns the condition all pins, or empty. */
    public static Optional<KeyLookup> keyLookup(RexNode condition, TableScan scan, Transaction transaction,
                                                ExpressionCompiler compiler) {
        TableNames names = TableNames.of(scan.getTable());
        TableInfo info = transaction.table(names.schema(), names.table()).info();
        RexNode[] pinned = new RexNode[info.columns().size()];
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            if (conjunct.getKind() != SqlKind.EQUALS) {
                continue;
            }
            List<RexNode> operands = ((RexCall) conjunct).getOperands();
            pin(operands.get(0), operands.get(1), pinned);
            pin(operands.get(1), operands.get(0), pinned);
        }
        // the primary key first, as it is the usual one pinned, without listing the other indexes
        KeyLookup lookup = through(info.primaryKey(), info, pinned, compiler);
        if (lookup != null) {
            return Optional.of(lookup);
        }
        for (List<Integer> key : secondaryIndexesByPreference(info)) {
            lookup = through(key, info, pinned, compiler);
            if (lookup != null) {
                return Optional.of(lookup);
            }
        }
        return Optional.empty();
    }

    /** Returns the lookup through an index with these columns if the condition pins them all, else null. */
    private static KeyLookup through(List<Integer> key, TableInfo info, RexNode[] pinned,
                                     ExpressionCompiler compiler) {
        if (key.isEmpty()) {
            return null;
        }
        for (int column : key) {
            if (pinned[column] == null || !EXACT_KEY_TYPES.contains(info.columns().get(column).type().type())) {
                return null;
            }
        }
        Evaluator[] values = new Evaluator[key.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = compiler.compile(pinned[key.get(i)]);
        }
        return new KeyLookup(key, values);
    }

    /** The columns of the table's other indexes: the unique ones, then the others. */
    private static List<List<Integer>> secondaryIndexesByPreference(TableInfo info) {
        List<List<Integer>> keys = new ArrayList<>();
        info.constraints(TableConstraint.Unique.class).forEach(unique -> keys.add(unique.columns()));
        info.indexes().stream().filter(TableIndex::unique).forEach(index -> keys.add(index.columns()));
        info.indexes().stream().filter(index -> !index.unique()).forEach(index -> keys.add(index.columns()));
        return keys;
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
