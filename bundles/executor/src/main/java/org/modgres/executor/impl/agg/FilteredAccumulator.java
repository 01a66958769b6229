package org.modgres.executor.impl.agg;

/** The FILTER (WHERE ...) of an aggregate call: passes on the rows whose filter column is TRUE. */
final class FilteredAccumulator implements Accumulator {

    private final int filter;
    private final Accumulator inner;

    FilteredAccumulator(int filter, Accumulator inner) {
        this.filter = filter;
        this.inner = inner;
    }

    @Override
    public void add(Object[] row) {
        if (row[filter] == Boolean.TRUE) {
            inner.add(row);
        }
    }

    @Override
    public Object result() {
        return inner.result();
    }
}
