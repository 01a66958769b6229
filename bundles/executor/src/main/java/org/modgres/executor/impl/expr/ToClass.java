package org.modgres.executor.impl.expr;

import org.modgres.executor.impl.value.Casts;
import org.modgres.executor.impl.value.ValueType;

/**
 * Brings a value to the Java class of its declared type, where Calcite's typing and the
 * computed value can differ (an INTEGER branch of a BIGINT CASE, a function's result).
 */
record ToClass(Evaluator operand, ValueType type) implements Evaluator {

    @Override
    public Object evaluate(Object[] row) {
        return Casts.toClass(operand.evaluate(row), type);
    }
}
