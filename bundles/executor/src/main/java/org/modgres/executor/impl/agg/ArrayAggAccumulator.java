package org.modgres.executor.impl.agg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code array_agg(value)}: the values in input order, NULLs included; NULL when there are no rows. */
final class ArrayAggAccumulator implements Accumulator {

    private final int value;
    private List<Object> elements;

    ArrayAggAccumulator(int value) {
        this.value = value;
    }

    @Override
    public void add(Object[] row) {
        if (elements == null) {
            elements = new ArrayList<>();
        }
        elements.add(row[value]);
    }

    @Override
    public Object result() {
        return elements == null ? null : Collections.unmodifiableList(new ArrayList<>(elements));
    }
}
