package org.modgres.executor.impl.operator;

import java.util.List;

import org.apache.calcite.rel.core.JoinRelType;
import org.modgres.executor.impl.expr.Evaluator;

/**
 * Joins by reading the right input into a {@link JoinTable} and streaming the left input
 * through it: a hash join on equi-join keys, a nested loop without them. Handles INNER, LEFT,
 * RIGHT, FULL, SEMI and ANTI joins; the residual condition is evaluated on the joined row.
 * Each left row's results are produced before the next left row is read.
 */
final class JoinOperator implements Operator {

    private final Operator left;
    private final Operator right;
    private final JoinRelType type;
    private final int[] leftKeys;
    private final int[] rightKeys;
    private final boolean[] nullsMatch;
    private final Evaluator residual;
    private final int leftWidth;
    private final int rightWidth;
    private final Interrupts interrupts;
    private final MemoryBudget memory;

    private JoinTable table;
    private Object[] current;
    private List<Integer> candidates;
    private int candidate;
    private boolean currentMatched;
    private boolean leftDone;
    private int unmatchedPosition;

    /** @param residual the non-equi part of the condition, or null when there is none */
    JoinOperator(Operator left, Operator right, JoinRelType type, int[] leftKeys, int[] rightKeys,
                 boolean[] nullsMatch, Evaluator residual, int leftWidth, int rightWidth, Interrupts interrupts,
                 MemoryBudget memory) {
        this.memory = memory;
        this.left = left;
        this.right = right;
        this.type = type;
        this.leftKeys = leftKeys;
        this.rightKeys = rightKeys;
        this.nullsMatch = nullsMatch;
        this.residual = residual;
        this.leftWidth = leftWidth;
        this.rightWidth = rightWidth;
        this.interrupts = interrupts;
    }

    @Override
    public void open() {
        left.open();
        right.open();
        table = null;
        current = null;
        leftDone = false;
        unmatchedPosition = 0;
    }

    @Override
    public Object[] next() {
        if (table == null) {
            build();
        }
        while (!leftDone) {
            if (current != null) {
                Object[] out = nextForCurrent();
                if (out != null) {
                    return out;
                }
            }
            current = left.next();
            if (current == null) {
                leftDone = true;
                break;
            }
            candidates = table.candidates(current, leftKeys);
            candidate = 0;
            currentMatched = false;
        }
        return type == JoinRelType.RIGHT || type == JoinRelType.FULL ? nextUnmatchedRight() : null;
    }

    private void build() {
        table = new JoinTable(rightKeys, nullsMatch, memory);
        Object[] row;
        while ((row = right.next()) != null) {
            table.add(row);
        }
    }

    /** Returns the next output for the current left row, or null when it has none left. */
    private Object[] nextForCurrent() {
        while (candidate < candidates.size()) {
            int index = candidates.get(candidate++);
            interrupts.tick();
            Object[] rightRow = table.row(index);
            Object[] joined = concat(current, rightRow);
            if (residual != null && residual.evaluate(joined) != Boolean.TRUE) {
                continue;
            }
            currentMatched = true;
            table.markMatched(index);
            switch (type) {
                case SEMI:
                    candidate = candidates.size();
                    return finishCurrent(current);
                case ANTI:
                    candidate = candidates.size();
                    return finishCurrent(null);
                default:
                    return joined;
            }
        }
        if (!currentMatched) {
            switch (type) {
                case LEFT, FULL:
                    return finishCurrent(concat(current, null));
                case ANTI:
                    return finishCurrent(current);
                default:
                    break;
            }
        }
        return finishCurrent(null);
    }

    private Object[] finishCurrent(Object[] out) {
        current = null;
        return out;
    }

    private Object[] nextUnmatchedRight() {
        while (unmatchedPosition < table.size()) {
            int index = unmatchedPosition++;
            if (!table.isMatched(index)) {
                Object[] out = new Object[leftWidth + rightWidth];
                System.arraycopy(table.row(index), 0, out, leftWidth, rightWidth);
                return out;
            }
        }
        return null;
    }

    private Object[] concat(Object[] leftRow, Object[] rightRow) {
        Object[] out = new Object[leftWidth + rightWidth];
        System.arraycopy(leftRow, 0, out, 0, leftWidth);
        if (rightRow != null) {
            System.arraycopy(rightRow, 0, out, leftWidth, rightWidth);
        }
        return out;
    }

    @Override
    public void close() {
        table = null;
        candidates = null;
        left.close();
        right.close();
    }
}
