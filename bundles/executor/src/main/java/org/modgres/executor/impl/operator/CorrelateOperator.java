package org.modgres.executor.impl.operator;

import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.modgres.executor.impl.expr.Correlations;

/**
 * A nested loop whose right side depends on the left row, as LATERAL and correlated sub-queries
 * that Calcite does not decorrelate need: for each left row it binds the correlation variable and
 * runs the right side again. Inner and left joins return left and right rows side by side, a
 * semi-join the left rows that have a right row, an anti-join those that have none.
 */
final class CorrelateOperator implements Operator {

    private final Operator left;
    private final Operator right;
    private final CorrelationId correlation;
    private final Correlations correlations;
    private final JoinRelType type;
    private final int rightFieldCount;
    private final Interrupts interrupts;
    private Object[] current;
    private boolean matched;

    CorrelateOperator(Operator left, Operator right, CorrelationId correlation, Correlations correlations,
                      JoinRelType type, int rightFieldCount, Interrupts interrupts) {
        this.left = left;
        this.right = right;
        this.correlation = correlation;
        this.correlations = correlations;
        this.type = type;
        this.rightFieldCount = rightFieldCount;
        this.interrupts = interrupts;
    }

    @Override
    public void open() {
        left.open();
        current = null;
    }

    @Override
    public Object[] next() {
        while (true) {
            if (current == null) {
                current = left.next();
                if (current == null) {
                    return null;
                }
                interrupts.tick();
                correlations.bind(correlation, current);
                right.close();
                right.open();
                matched = false;
            }
            Object[] row = right.next();
            Object[] leftRow = current;
            if (row != null) {
                matched = true;
                switch (type) {
                    case SEMI -> {
                        current = null;
                        return leftRow;
                    }
                    case ANTI -> current = null;
                    default -> {
                        return concat(leftRow, row);
                    }
                }
            } else {
                current = null;
                if (!matched && type == JoinRelType.LEFT) {
                    return concat(leftRow, new Object[rightFieldCount]);
                }
                if (!matched && type == JoinRelType.ANTI) {
                    return leftRow;
                }
            }
        }
    }

    private static Object[] concat(Object[] left, Object[] right) {
        Object[] out = new Object[left.length + right.length];
        System.arraycopy(left, 0, out, 0, left.length);
        System.arraycopy(right, 0, out, left.length, right.length);
        return out;
    }

    @Override
    public void close() {
        current = null;
        left.close();
        right.close();
    }
}
