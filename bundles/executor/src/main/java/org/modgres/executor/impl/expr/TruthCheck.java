package org.modgres.executor.impl.expr;

/** IS [NOT] TRUE and IS [NOT] FALSE; NULL is neither TRUE nor FALSE. */
record TruthCheck(Evaluator operand, Boolean expected, boolean negated) implements Evaluator {

    @Override
    public Object evaluate(Object[] row) {
        return expected.equals(operand.evaluate(row)) != negated;
    }
}
