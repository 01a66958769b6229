package org.modgres.executor.batch;

import org.modgres.executor.impl.expr.Evaluator;

/**
 * Computes new rows from a batch a column at a time: each expression runs over the whole batch
 * before the next one, and a column that only passes an input column on is copied without an
 * evaluator call.
 */
final class BatchProject implements BatchOperator {

    private final BatchOperator input;
    private final Evaluator[] expressions;
    /** For each output column, the input column it copies, or -1 when it is computed. */
    private final int[] copiedColumns;
    private final RowBatch output = new RowBatch();

    BatchProject(BatchOperator input, Evaluator[] expressions, int[] copiedColumns) {
        this.input = input;
        this.expressions = expressions;
        this.copiedColumns = copiedColumns;
    }

    @Override
    public void open() {
        input.open();
    }

    @Override
    public RowBatch next() {
        RowBatch batch = input.next();
        if (batch == null) {
            return null;
        }
        int size = batch.size();
        Object[][] in = batch.rows();
        output.clear();
        for (int r = 0; r < size; r++) {
            output.add(new Object[expressions.length]);
        }
        Object[][] out = output.rows();
        for (int c = 0; c < expressions.length; c++) {
            int copied = copiedColumns[c];
            if (copied >= 0) {
                for (int r = 0; r < size; r++) {
                    out[r][c] = in[r][copied];
                }
            } else {
                Evaluator expression = expressions[c];
                for (int r = 0; r < size; r++) {
                    out[r][c] = expression.evaluate(in[r]);
                }
            }
        }
        return output;
    }

    @Override
    public void close() {
        output.clear();
        input.close();
    }

    @Override
    public String toString() {
        return "BatchProject(" + expressions.length + " columns) <- " + input;
    }
}
