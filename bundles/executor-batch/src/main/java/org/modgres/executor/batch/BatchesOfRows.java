package org.modgres.executor.batch;

import org.modgres.executor.impl.operator.Operator;

/** Lets a batch operator read the rows of a row-at-a-time operator, for the nodes run one row at a time. */
final class BatchesOfRows implements BatchOperator {

    private final Operator rows;
    private final RowBatch batch = new RowBatch();
    private boolean exhausted;

    BatchesOfRows(Operator rows) {
        this.rows = rows;
    }

    /** The operator whose rows this reads, for a row-at-a-time consumer that needs no batches. */
    Operator rows() {
        return rows;
    }

    @Override
    public void open() {
        exhausted = false;
        rows.open();
    }

    @Override
    public RowBatch next() {
        batch.clear();
        Object[] row;
        while (!exhausted && !batch.isFull()) {
            row = rows.next();
            if (row == null) {
                exhausted = true;
            } else {
                batch.add(row);
            }
        }
        return batch.isEmpty() ? null : batch;
    }

    @Override
    public void close() {
        batch.clear();
        rows.close();
    }

    @Override
    public String toString() {
        return "Rows(" + rows.getClass().getSimpleName() + ")";
    }
}
