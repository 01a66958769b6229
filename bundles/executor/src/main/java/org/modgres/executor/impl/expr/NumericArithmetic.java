package org.modgres.executor.impl.expr;

import java.math.BigDecimal;

import org.modgres.executor.impl.value.Numerics;
import org.modgres.executor.impl.value.PgErrors;

/** numeric arithmetic with PostgreSQL's result scales. */
record NumericArithmetic(ArithmeticOp op) implements Arithmetic {

    @Override
    public Object apply(Object left, Object right) {
        BigDecimal a = Numerics.toBigDecimal((Number) left);
        BigDecimal b = Numerics.toBigDecimal((Number) right);
        return switch (op) {
            case ADD -> a.add(b);
            case SUBTRACT -> a.subtract(b);
            case MULTIPLY -> a.multiply(b);
            case DIVIDE -> Numerics.divide(a, b);
            case MODULO -> {
                if (b.signum() == 0) {
                    throw PgErrors.divisionByZero();
                }
                yield a.remainder(b);
            }
        };
    }
}
