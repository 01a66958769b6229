package org.modgres.executor.impl.expr;

/** IS NULL and IS NOT NULL (also IS [NOT] UNKNOWN); never NULL itself. */
record NullCheck(Evaluator operand, boolean negated) implements Evaluator {

    @Override
    public Object evaluate(Object[] row) {
        return (operand.evaluate(row) == null) != negated;
    }
}
