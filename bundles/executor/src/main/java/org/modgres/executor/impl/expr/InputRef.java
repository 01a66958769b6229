package org.modgres.executor.impl.expr;

/** A column of the input row. */
record InputRef(int index) implements Evaluator {

    @Override
    public Object evaluate(Object[] row) {
        return row[index];
    }
}
