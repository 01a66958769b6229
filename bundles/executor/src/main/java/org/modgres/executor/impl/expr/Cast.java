package org.modgres.executor.impl.expr;

import org.modgres.executor.impl.value.Casts;
import org.modgres.executor.impl.value.TargetType;

/** CAST, explicit or (for the values INSERT and UPDATE store) an assignment. */
record Cast(Evaluator operand, TargetType target, boolean assignment) implements Evaluator {

    @Override
    public Object evaluate(Object[] row) {
        return Casts.cast(operand.evaluate(row), target, assignment);
    }
}
