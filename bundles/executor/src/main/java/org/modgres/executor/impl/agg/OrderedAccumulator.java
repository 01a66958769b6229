package org.modgres.executor.impl.agg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An aggregate with its own ORDER BY ({@code string_agg(w, ',' ORDER BY w)}): keeps the rows and
 * feeds them to the aggregate in that order when the result is asked for.
 */
final class OrderedAccumulator implements Accumulator {

    private final Comparator<Object[]> order;
    private final AccumulatorFactory aggregate;
    private final List<Object[]> rows = new ArrayList<>();

    OrderedAccumulator(Comparator<Object[]> order, AccumulatorFactory aggregate) {
        this.order = order;
        this.aggregate = aggregate;
    }

    @Override
    public void add(Object[] row) {
        rows.add(row.clone());
    }

    @Override
    public Object result() {
        List<Object[]> sorted = new ArrayList<>(rows);
        sorted.sort(order);
        Accumulator accumulator = aggregate.create();
        sorted.forEach(accumulator::add);
        return accumulator.result();
    }
}
