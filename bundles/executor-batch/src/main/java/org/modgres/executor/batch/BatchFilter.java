package org.modgres.executor.batch;

import java.util.List;

/**
 * Keeps the rows of each batch for which every conjunct is TRUE. The conjuncts run one after
 * the other over the whole batch, in the order the query wrote them, each over the survivors
 * of the ones before, as the row executor's AND would have evaluated them.
 */
final class BatchFilter implements BatchOperator {

    private final BatchOperator input;
    private final BatchCondition[] conjuncts;

    BatchFilter(BatchOperator input, List<BatchCondition> conjuncts) {
        this.input = input;
        this.conjuncts = conjuncts.toArray(BatchCondition[]::new);
    }

    @Override
    public void open() {
        input.open();
    }

    @Override
    public RowBatch next() {
        RowBatch batch;
        while ((batch = input.next()) != null) {
            int size = batch.size();
            for (int c = 0; c < conjuncts.length && size > 0; c++) {
                size = conjuncts[c].select(batch.rows(), size);
            }
            batch.truncate(size);
            if (size > 0) {
                return batch;
            }
        }
        return null;
    }

    @Override
    public void close() {
        input.close();
    }

    @Override
    public String toString() {
        return "BatchFilter(" + List.of(conjuncts) + ") <- " + input;
    }
}
