package org.modgres.executor.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modgres.executor.impl.expr.Evaluator;
import org.modgres.executor.impl.operator.Interrupts;
import org.modgres.executor.impl.operator.MemoryBudget;
import org.modgres.executor.impl.value.RowKey;

/**
 * An inner equi-join: the right input, read a batch at a time, goes into a hash table on its
 * join keys; each batch of the left input is then probed against it. Keys with a NULL never
 * match. The residual condition, if any, runs on the joined row. Joined rows come out in the
 * order of the left rows and, for each, of the right rows, as in the row executor.
 */
final class BatchHashJoin implements BatchOperator {

    private final BatchOperator left;
    private final BatchOperator right;
    private final int[] leftKeys;
    private final int[] rightKeys;
    private final Evaluator residual;
    private final int leftWidth;
    private final int rightWidth;
    private final Interrupts interrupts;
    private final MemoryBudget memory;
    private final RowBatch output = new RowBatch();

    private Map<RowKey, List<Object[]>> table;
    private RowBatch probe;
    private int probePosition;
    private List<Object[]> matches;
    private int matchPosition;
    private boolean leftDone;

    /** @param residual the non-equi part of the condition, or null when there is none */
    BatchHashJoin(BatchOperator left, BatchOperator right, int[] leftKeys, int[] rightKeys, Evaluator residual,
                  int leftWidth, int rightWidth, Interrupts interrupts, MemoryBudget memory) {
        this.left = left;
        this.right = right;
        this.leftKeys = leftKeys;
        this.rightKeys = rightKeys;
        this.residual = residual;
        this.leftWidth = leftWidth;
        this.rightWidth = rightWidth;
        this.interrupts = interrupts;
        this.memory = memory;
    }

    @Override
    public void open() {
        table = null;
        probe = null;
        matches = null;
        leftDone = false;
        left.open();
        right.open();
    }

    @Override
    public RowBatch next() {
        if (table == null) {
            table = build();
        }
        output.clear();
        while (!output.isFull()) {
            if (matches != null && matchPosition < matches.size()) {
                emit(probe.row(probePosition - 1), matches.get(matchPosition++));
            } else if (probe != null && probePosition < probe.size()) {
                Object[] row = probe.row(probePosition++);
                RowKey key = RowKey.of(row, leftKeys);
                matches = key.hasNull() ? null : table.get(key);
                matchPosition = 0;
            } else if (!leftDone && !table.isEmpty()) {
                // the left batch is the left input's until its next pull, and the output is built first
                probe = left.next();
                probePosition = 0;
                matches = null;
                leftDone = probe == null;
            } else {
                break;
            }
        }
        return output.isEmpty() ? null : output;
    }

    private void emit(Object[] leftRow, Object[] rightRow) {
        interrupts.tick();
        Object[] joined = new Object[leftWidth + rightWidth];
        System.arraycopy(leftRow, 0, joined, 0, leftWidth);
        System.arraycopy(rightRow, 0, joined, leftWidth, rightWidth);
        if (residual == null || residual.evaluate(joined) == Boolean.TRUE) {
            output.add(joined);
        }
    }

    private Map<RowKey, List<Object[]>> build() {
        Map<RowKey, List<Object[]>> built = new HashMap<>();
        RowBatch batch;
        while ((batch = right.next()) != null) {
            for (int r = 0, size = batch.size(); r < size; r++) {
                Object[] row = batch.row(r);
                RowKey key = RowKey.of(row, rightKeys);
                if (!key.hasNull()) {
                    memory.keep(row);
                    built.computeIfAbsent(key, k -> new ArrayList<>(1)).add(row);
                }
            }
        }
        return built;
    }

    @Override
    public void close() {
        table = null;
        probe = null;
        matches = null;
        output.clear();
        left.close();
        right.close();
    }

    @Override
    public String toString() {
        return "BatchHashJoin(" + left + ", " + right + ")";
    }
}
