package org.modgres.executor.impl.dml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.modgres.api.plan.OnConflict;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.ConcurrentUpdateException;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.executor.impl.expr.ExpressionCompiler;
import org.modgres.executor.impl.operator.Interrupts;
import org.modgres.executor.impl.operator.Operator;
import org.modgres.executor.impl.operator.OperatorBuilder;
import org.modgres.executor.impl.operator.RowIdTracker;
import org.modgres.executor.impl.operator.TableNames;
import org.modgres.executor.impl.value.Casts;
import org.modgres.executor.impl.value.PgErrors;
import org.modgres.executor.impl.value.TargetType;

/**
 * Runs INSERT, UPDATE and DELETE to completion. The rows to change are found first and
 * changed afterwards, so a statement never sees its own changes (an UPDATE does not meet the
 * rows it has just written again, INSERT ... SELECT from the same table ends).
 */
public final class DmlRunner {

    private static final Consumer<Object[]> IGNORED = row -> { };

    private final Transaction transaction;
    private final OperatorBuilder builder;
    private final ExpressionCompiler compiler;
    private final Interrupts interrupts;
    private ForeignKeys foreignKeys;
    private RelNode checkConstraints;
    private CheckConstraints checks = CheckConstraints.NONE;

    public DmlRunner(Transaction transaction, OperatorBuilder builder, ExpressionCompiler compiler,
                     Interrupts interrupts) {
        this.transaction = transaction;
        this.builder = builder;
        this.compiler = compiler;
        this.interrupts = interrupts;
    }

    /**
     * Runs the statement and returns the number of rows it inserted, updated or deleted.
     *
     * @param onConflict the ON CONFLICT clause of an INSERT, or null
     * @param changed    receives each changed row as stored (inserted or updated) or as it was
     *                   (deleted), in the order of the changes; null when nobody needs them
     */
    public long run(TableModify modify, OnConflict onConflict, Consumer<Object[]> changed) {
        return run(modify, onConflict, null, changed);
    }

    /**
     * Runs the statement, refusing new rows that fail a CHECK constraint.
     *
     * @param checkConstraints the plan's {@link org.modgres.api.plan.RelationalPlan#checks()}, or null
     */
    public long run(TableModify modify, OnConflict onConflict, RelNode checkConstraints, Consumer<Object[]> changed) {
        this.checkConstraints = checkConstraints;
        while (true) {
            long savepoint = transaction.savepoint();
            List<Object[]> changes = changed == null ? null : new ArrayList<>();
            try {
                long count = runOnce(modify, onConflict, changes == null ? null : changes::add);
                transaction.releaseSavepoint(savepoint);
                if (changes != null) {
                    changes.forEach(changed);
                }
                return count;
            } catch (ConcurrentUpdateException e) {
                if (!e.restartable()) {
                    throw e;
                }
                // READ COMMITTED: a row changed under the statement; run it again on what is committed now
                transaction.rollbackTo(savepoint);
                transaction.releaseSavepoint(savepoint);
                transaction.startStatement();
                interrupts.tick();
            }
        }
    }

    private long runOnce(TableModify modify, OnConflict onConflict, Consumer<Object[]> changed) {
        TableNames target = TableNames.of(modify.getTable());
        TableAccess table = transaction.table(target.schema(), target.table());
        checks = CheckConstraints.compile(checkConstraints, compiler, table.info());
        Consumer<Object[]> sink = changed != null ? changed : IGNORED;
        foreignKeys = new ForeignKeys(transaction);
        long count = switch (modify.getOperation()) {
            case INSERT -> insert(modify, target, table, onConflict, sink);
            case UPDATE -> update(modify, target, table, sink);
            case DELETE -> delete(modify, target, table, sink);
            default -> throw PgErrors.notSupported(modify.getOperation().name());
        };
        foreignKeys.endOfStatement();
        return count;
    }

    private long insert(TableModify modify, TableNames target, TableAccess table, OnConflict onConflict,
                        Consumer<Object[]> changed) {
        TargetType[] types = columnTypes(table.info());
        ConflictingInsert conflicts = onConflict == null ? null : new ConflictingInsert(table, onConflict,
                onConflict.update() == null ? null : RowPipeline.compile(onConflict.update(), compiler), types,
                checks);
        Operator input = builder.buildAssigned(modify.getInput());
        boolean readsTarget = reads(modify.getInput(), target);
        List<Object[]> pending = new ArrayList<>();
        long count = 0;
        input.open();
        try {
            Object[] row;
            while ((row = input.next()) != null) {
                Object[] stored = coerce(row, types);
                if (readsTarget) {
                    pending.add(stored);
                } else {
                    count += insert(table, conflicts, stored, changed);
                }
            }
        } finally {
            input.close();
        }
        for (Object[] stored : pending) {
            count += insert(table, conflicts, stored, changed);
        }
        return count;
    }

    /** Inserts one row, or resolves its conflict; returns the number of rows changed, 0 or 1. */
    private int insert(TableAccess table, ConflictingInsert conflicts, Object[] row, Consumer<Object[]> changed) {
        interrupts.tick();
        checks.check(row);
        Object[] stored = row;
        if (conflicts == null) {
            table.insert(row);
        } else {
            stored = conflicts.insert(row);
            if (stored == null) {
                return 0;
            }
        }
        foreignKeys.inserted(table, stored);
        changed.accept(stored);
        return 1;
    }

    private long update(TableModify modify, TableNames target, TableAccess table, Consumer<Object[]> changed) {
        TableInfo info = table.info();
        TargetType[] types = columnTypes(info);
        List<String> updated = modify.getUpdateColumnList();
        int[] positions = new int[updated.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = info.columnIndex(updated.get(i));
            if (positions[i] < 0) {
                throw PgErrors.notSupported("updating column \"" + updated.get(i) + "\"");
            }
        }
        int width = info.columns().size();
        RowIdTracker rowIds = new RowIdTracker();
        Operator input = builder.buildTracked(modify.getInput(), target, rowIds);
        // a row joined to several source rows is updated once, with the first, as PostgreSQL does
        Map<Long, Object[]> changes = new LinkedHashMap<>();
        Map<Long, Object[]> oldRows = foreignKeys.involve(table) ? new HashMap<>() : null;
        // UPDATE ... FROM: the other tables' columns follow the SET values, for RETURNING
        Map<Long, Object[]> joinedRows = changed != IGNORED ? new HashMap<>() : null;
        int assignedEnd = width + positions.length;
        int inputWidth = modify.getInput().getRowType().getFieldCount();
        input.open();
        try {
            Object[] row;
            while ((row = input.next()) != null) {
                Object[] newRow = new Object[width];
                System.arraycopy(row, 0, newRow, 0, width);
                for (int i = 0; i < positions.length; i++) {
                    newRow[positions[i]] = Casts.cast(row[width + i], types[positions[i]], true);
                }
                if (changes.putIfAbsent(rowIds.current(), newRow) == null) {
                    if (oldRows != null) {
                        oldRows.put(rowIds.current(), Arrays.copyOf(row, width));
                    }
                    if (joinedRows != null && inputWidth > assignedEnd) {
                        joinedRows.put(rowIds.current(), Arrays.copyOfRange(row, assignedEnd, inputWidth));
                    }
                }
            }
        } finally {
            input.close();
        }
        for (Map.Entry<Long, Object[]> change : changes.entrySet()) {
            checks.check(change.getValue());
            table.update(change.getKey(), change.getValue());
            if (oldRows != null) {
                foreignKeys.updated(table, oldRows.get(change.getKey()), change.getValue());
            }
            Object[] joined = joinedRows == null ? null : joinedRows.get(change.getKey());
            changed.accept(joined == null ? change.getValue() : concat(change.getValue(), joined));
            interrupts.tick();
        }
        return changes.size();
    }

    private long delete(TableModify modify, TableNames target, TableAccess table, Consumer<Object[]> changed) {
        int width = table.info().columns().size();
        RowIdTracker rowIds = new RowIdTracker();
        Operator input = builder.buildTracked(modify.getInput(), target, rowIds);
        // a row joined to several source rows is deleted once
        Map<Long, Object[]> deletions = new LinkedHashMap<>();
        boolean keepOldRows = changed != IGNORED || foreignKeys.involve(table);
        int returnedWidth = Math.max(width, modify.getInput().getRowType().getFieldCount());
        input.open();
        try {
            Object[] row;
            while ((row = input.next()) != null) {
                // the deleted rows are kept only for whoever wants them; with USING, RETURNING
                // may read the other tables' columns that follow the target's
                Object[] old = !keepOldRows ? null
                        : Arrays.copyOf(row, changed != IGNORED ? returnedWidth : width);
                deletions.putIfAbsent(rowIds.current(), old);
            }
        } finally {
            input.close();
        }
        long count = 0;
        for (Map.Entry<Long, Object[]> deletion : deletions.entrySet()) {
            if (table.delete(deletion.getKey())) {
                if (deletion.getValue() != null) {
                    Object[] old = deletion.getValue();
                    foreignKeys.deleted(table, old.length == width ? old : Arrays.copyOf(old, width));
                }
                count++;
                changed.accept(deletion.getValue());
            }
            interrupts.tick();
        }
        return count;
    }

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

        private static TargetType[] columnTypes(TableInfo info) {
        List<ColumnInfo> columns = info.columns();
        TargetType[] types = new TargetType[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = TargetType.of(columns.get(i).type());
        }
        return types;
    }

    private static Object[] coerce(Object[] row, TargetType[] types) {
        Object[] stored = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            stored[i] = Casts.cast(row[i], types[i], true);
        }
        return stored;
    }

    /** Returns whether a plan reads a table. */
    private static boolean reads(RelNode rel, TableNames table) {
        if (rel instanceof TableScan scan && TableNames.of(scan.getTable()).equals(table)) {
            return true;
        }
        for (RelNode input : rel.getInputs()) {
            if (reads(input, table)) {
                return true;
            }
        }
        return false;
    }
}
