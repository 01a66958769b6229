package org.modgres.executor.impl.operator;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.executor.impl.expr.Evaluator;
import org.modgres.executor.impl.value.Casts;
import org.modgres.executor.impl.value.ValueType;

/**
 * {@code generate_series(start, stop [, step])}: the integers from start to stop by step,
 * produced one at a time so that a long series is never held in memory. A NULL argument gives
 * no rows; the series ends before a value would overflow its type, as in PostgreSQL. The
 * arguments are evaluated when the operator opens, so that a correlated series (one whose
 * arguments read the row of an enclosing LATERAL or sub-query) starts anew for each row.
 */
final class GenerateSeriesOperator implements Operator {

    private static final Object[] NO_ROW = new Object[0];

    private final Evaluator[] arguments;
    private final boolean bigint;
    private final Interrupts interrupts;
    private long stop;
    private long step;
    private long next;
    private boolean done;

    /**
     * @param arguments start, stop and, optionally, step
     * @param bigint    whether the values are bigint (Long) rather than integer (Integer)
     */
    GenerateSeriesOperator(Evaluator[] arguments, boolean bigint, Interrupts interrupts) {
        this.arguments = arguments;
        this.bigint = bigint;
        this.interrupts = interrupts;
    }

    @Override
    public void open() {
        Long startValue = argument(0);
        Long stopValue = argument(1);
        Long stepValue = arguments.length > 2 ? argument(2) : Long.valueOf(1);
        if (stepValue != null && stepValue == 0) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "step size cannot equal zero");
        }
        done = startValue == null || stopValue == null || stepValue == null;
        if (!done) {
            next = startValue;
            stop = stopValue;
            step = stepValue;
        }
    }

    private Long argument(int index) {
        return (Long) Casts.toClass(arguments[index].evaluate(NO_ROW), ValueType.BIGINT);
    }

    @Override
    public Object[] next() {
        if (done || (step > 0 ? next > stop : next < stop)) {
            done = true;
            return null;
        }
        interrupts.tick();
        long value = next;
        long following = next + step;
        boolean overflow = bigint ? ((next ^ following) & (step ^ following)) < 0
                : following > Integer.MAX_VALUE || following < Integer.MIN_VALUE;
        if (overflow) {
            done = true;
        } else {
            next = following;
        }
        return new Object[] {bigint ? (Object) value : (Object) (int) value};
    }

    @Override
    public void close() {
        done = true;
    }
}
