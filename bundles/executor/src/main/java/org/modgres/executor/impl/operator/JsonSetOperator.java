package org.modgres.executor.impl.operator;

import java.util.Iterator;

import org.modgres.executor.impl.expr.Evaluator;
import org.modgres.executor.impl.expr.JsonSetFunctions;

/**
 * A set-returning json function in FROM ({@code jsonb_each}, {@code jsonb_array_elements}, ...).
 * The argument is evaluated when the operator opens, so that a correlated call starts anew for
 * each row of the enclosing query.
 */
final class JsonSetOperator implements Operator {

    private static final Object[] NO_ROW = new Object[0];

    private final String name;
    private final Evaluator argument;
    private final Interrupts interrupts;
    private Iterator<Object[]> rows;

    JsonSetOperator(String name, Evaluator argument, Interrupts interrupts) {
        this.name = name;
        this.argument = argument;
        this.interrupts = interrupts;
    }

    @Override
    public void open() {
        rows = JsonSetFunctions.rows(name, argument.evaluate(NO_ROW)).iterator();
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
