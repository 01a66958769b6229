package org.modgres.executor.impl.expr;

/** CASE WHEN c1 THEN v1 ... ELSE e END: the first condition that is TRUE (not NULL) wins. */
record Case(Evaluator[] conditions, Evaluator[] results, Evaluator otherwise) implements Evaluator {

    @Override
    public Object evaluate(Object[] row) {
        for (int i = 0; i < conditions.length; i++) {
            if (Boolean.TRUE.equals(conditions[i].evaluate(row))) {
                return results[i].evaluate(row);
            }
        }
        return otherwise.evaluate(row);
    }
}
