package org.modgres.executor.impl.operator;

import java.util.Iterator;
import java.util.function.Supplier;

/**
 * Rows computed anew each time the operator opens: a system relation's, or a set-returning
 * function's whose argument a correlated call evaluates for each row of the enclosing query.
 */
final class RowsOnOpenOperator implements Operator {

    private final Supplier<Iterator<Object[]>> source;
    private final Interrupts interrupts;
    private Iterator<Object[]> rows;

    RowsOnOpenOperator(Supplier<Iterator<Object[]>> source, Interrupts interrupts) {
        this.source = source;
        this.interrupts = interrupts;
    }

    @Override
    public void open() {
        rows = source.get();
    }

    @Override
    public Object[] next() {
        if (rows == null || !rows.hasNext()) {
            return null;
        }
        interrupts.tick();
        return rows.next();
    }

    @Override
    public void close() {
        rows = null;
    }
}
