package org.modgres.executor.impl.operator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code ARRAY(sub-query)}: one row holding the array of the input's values, in input order; an
 * empty array when there are none, as PostgreSQL returns.
 */
final class CollectOperator implements Operator {

    private final Operator input;
    private boolean done;

    CollectOperator(Operator input) {
        this.input = input;
    }

    @Override
    public void open() {
        input.open();
        done = false;
    }

    @Override
    public Object[] next() {
        if (done) {
            return null;
        }
        done = true;
        List<Object> values = new ArrayList<>();
        Object[] row;
        while ((row = input.next()) != null) {
            values.add(row[0]);
        }
        return new Object[] {Collections.unmodifiableList(values)};
    }

    @Override
    public void close() {
        done = true;
        input.close();
    }
}
