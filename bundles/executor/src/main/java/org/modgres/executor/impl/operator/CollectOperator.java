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
    private final MemoryBudget memory;
    private boolean done;

    CollectOperator(Operator input, MemoryBudget memory) {
        this.input = input;
        this.memory = memory;
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
            memory.reserve(MemoryBudget.RowSizes.value(row[0]) + 4);
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
