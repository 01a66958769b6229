package org.modgres.executor.impl.expr;

import java.math.BigDecimal;

import org.modgres.executor.impl.value.Numerics;
import org.modgres.executor.impl.value.PgErrors;
import org.modgres.executor.impl.value.ValueType;

/** Unary minus; negating the smallest integer of a type is out of range. */
record Negate(Evaluator operand, ValueType resultType) implements Evaluator {

    @Override
    public Object evaluate(Object[] row) {
        Object value = operand.evaluate(row);
        return switch (value) {
            case null -> null;
            case BigDecimal d -> d.negate();
            case org.modgres.api.type.PgInterval i -> i.negate();
            case Double d -> -d;
            case Float f -> -f;
            case Number n -> {
                long v = n.longValue();
                if (v == Long.MIN_VALUE) {
                    throw PgErrors.outOfRange(ValueType.BIGINT);
                }
                yield Numerics.narrow(-v, resultType.isIntegral() ? resultType : ValueType.BIGINT);
            }
            default -> throw PgErrors.functionNotSupported("-(" + value.getClass().getSimpleName() + ")");
        };
    }
}
