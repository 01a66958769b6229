package org.modgres.executor.impl.expr;

/** OR with three-valued logic: TRUE wins over NULL, NULL over FALSE. */
record Or(Evaluator[] operands) implements Evaluator {

    @Override
    public Object evaluate(Object[] row) {
        boolean unknown = false;
        for (Evaluator operand : operands) {
            Object value = operand.evaluate(row);
            if (value == null) {
                unknown = true;
            } else if ((Boolean) value) {
                return Boolean.TRUE;
            }
        }
        return unknown ? null : Boolean.FALSE;
    }
}
