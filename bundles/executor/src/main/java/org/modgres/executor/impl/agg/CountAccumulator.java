package org.modgres.executor.impl.agg;

/** COUNT(*) (no arguments) and COUNT(a, ...): the rows whose arguments are all non-null. */
final class CountAccumulator implements Accumulator {

    private final int[] arguments;
    private long count;

    CountAccumulator(int[] arguments) {
        this.arguments = arguments;
    }

    @Override
    public void add(Object[] row) {
        for (int argument : arguments) {
            if (row[argument] == null) {
                return;
            }
        }
        count++;
    }

    @Override
    public Object result() {
        return count;
    }
}
