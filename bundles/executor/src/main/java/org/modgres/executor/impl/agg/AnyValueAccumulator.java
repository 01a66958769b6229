package org.modgres.executor.impl.agg;

/** ANY_VALUE: the first non-null value. */
final class AnyValueAccumulator implements Accumulator {

    private final int argument;
    private Object value;

    AnyValueAccumulator(int argument) {
        this.argument = argument;
    }

    @Override
    public void add(Object[] row) {
        if (value == null) {
            value = row[argument];
        }
    }

    @Override
    public Object result() {
        return value;
    }
}
