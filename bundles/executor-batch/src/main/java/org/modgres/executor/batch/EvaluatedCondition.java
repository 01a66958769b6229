package org.modgres.executor.batch;

import org.modgres.executor.impl.expr.Evaluator;

/** A conjunct no kernel covers: the row evaluator of the default executor, run over the batch. */
record EvaluatedCondition(Evaluator condition, String text) implements BatchCondition {

    @Override
    public int select(Object[][] rows, int size) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            Object[] row = rows[i];
            if (condition.evaluate(row) == Boolean.TRUE) {
                rows[kept++] = row;
            }
        }
        return kept;
    }

    @Override
    public String toString() {
        return text;
    }
}
