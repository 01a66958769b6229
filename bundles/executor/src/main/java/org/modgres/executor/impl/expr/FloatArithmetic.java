package org.modgres.executor.impl.expr;

import org.modgres.executor.impl.value.Numerics;
import org.modgres.executor.impl.value.PgErrors;

/** double precision and real arithmetic, with float8's overflow, underflow and division checks. */
record FloatArithmetic(ArithmeticOp op, boolean real) implements Arithmetic {

    @Override
    public Object apply(Object left, Object right) {
        double a = ((Number) left).doubleValue();
        double b = ((Number) right).doubleValue();
        boolean infiniteInput = Double.isInfinite(a) || Double.isInfinite(b);
        double result = switch (op) {
            case ADD -> Numerics.checkDouble(a + b, infiniteInput, true);
            case SUBTRACT -> Numerics.checkDouble(a - b, infiniteInput, true);
            case MULTIPLY -> Numerics.checkDouble(a * b, infiniteInput, a == 0.0 || b == 0.0);
            case DIVIDE -> {
                if (b == 0.0) {
                    throw PgErrors.divisionByZero();
                }
                yield Numerics.checkDouble(a / b, infiniteInput, a == 0.0 || Double.isInfinite(b));
            }
            case MODULO -> {
                if (b == 0.0) {
                    throw PgErrors.divisionByZero();
                }
                yield a % b;
            }
        };
        return real ? (Object) Numerics.toReal(result) : (Object) result;
    }
}
