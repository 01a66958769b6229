package org.modgres.executor.batch;

import org.modgres.executor.impl.operator.Operator;

/** Lets a row-at-a-time operator, or the session's cursor, read the rows of a batch operator. */
final class RowsOfBatches implements Operator {

    private final BatchOperator batches;
    private RowBatch current;
    private int position;

    RowsOfBatches(BatchOperator batches) {
        this.batches = batches;
    }

    @Override
    public void open() {
        current = null;
        batches.open();
    }

    @Override
    public Object[] next() {
        while (current == null || position == current.size()) {
            current = batches.next();
            position = 0;
            if (current == null) {
                return null;
            }
        }
        return current.row(position++);
    }

    @Override
    public void close() {
        current = null;
        batches.close();
    }

    @Override
    public String toString() {
        return batches.toString();
    }
}
