package org.modgres.executor.impl.expr;

import org.modgres.executor.impl.value.TextFormat;

/** concat(a, b, ...): NULL operands are skipped, unlike the {@code ||} operator. */
record ConcatFunction(Evaluator[] operands) implements Evaluator {

    @Override
    public Object evaluate(Object[] row) {
        StringBuilder out = new StringBuilder();
        for (Evaluator operand : operands) {
            Object value = operand.evaluate(row);
            if (value instanceof Boolean b) {
                // concat prints values with their output functions: boolout's t and f, not the cast's true
                out.append(b ? 't' : 'f');
            } else if (value != null) {
                out.append(TextFormat.format(value));
            }
        }
        return out.toString();
    }
}
