package org.modgres.executor.impl.expr;

/** AND with three-valued logic: FALSE wins over NULL, NULL over TRUE. */
record And(Evaluator[] operands) implements Evaluator {

    @Override
    public Object evaluate(Object[] row) {
        boolean unknown = false;
        for (Evaluator operand : operands) {
            Object value = operand.evaluate(row);
            if (value == null) {
                unknown = true;
            } else if (!(Boolean) value) {
                return Boolean.FALSE;
            }
        }
        return unknown ? null : Boolean.TRUE;
    }
}
