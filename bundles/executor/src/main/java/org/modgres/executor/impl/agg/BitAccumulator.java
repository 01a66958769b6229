package org.modgres.executor.impl.agg;

/** {@code bit_and} and {@code bit_or} of integers: NULLs are skipped; NULL when there are no values. */
final class BitAccumulator implements Accumulator {

    private final int argument;
    private final boolean and;
    private Long bits;

    BitAccumulator(int argument, boolean and) {
        this.argument = argument;
        this.and = and;
    }

    @Override
    public void add(Object[] row) {
        if (!(row[argument] instanceof Number number)) {
            return;
        }
        long value = number.longValue();
        bits = bits == null ? value : and ? bits & value : bits | value;
    }

    @Override
    public Object result() {
        return bits;
    }
}
