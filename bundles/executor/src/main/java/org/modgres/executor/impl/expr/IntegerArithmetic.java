package org.modgres.executor.impl.expr;

import org.modgres.executor.impl.value.Numerics;
import org.modgres.executor.impl.value.PgErrors;
import org.modgres.executor.impl.value.ValueType;

/** smallint, integer and bigint arithmetic: range-checked, division truncates towards zero. */
record IntegerArithmetic(ArithmeticOp op, ValueType resultType) implements Arithmetic {

    @Override
    public Object apply(Object left, Object right) {
        long a = ((Number) left).longValue();
        long b = ((Number) right).longValue();
        long result;
        try {
            result = switch (op) {
                case ADD -> Math.addExact(a, b);
                case SUBTRACT -> Math.subtractExact(a, b);
                case MULTIPLY -> Math.multiplyExact(a, b);
                case DIVIDE -> {
                    if (b == 0) {
                        throw PgErrors.divisionByZero();
                    }
                    yield Math.divideExact(a, b);
                }
                case MODULO -> {
                    if (b == 0) {
                        throw PgErrors.divisionByZero();
                    }
                    yield b == -1 ? 0 : a % b;
                }
            };
        } catch (ArithmeticException e) {
            throw PgErrors.outOfRange(resultType);
        }
        return Numerics.narrow(result, resultType);
    }
}
