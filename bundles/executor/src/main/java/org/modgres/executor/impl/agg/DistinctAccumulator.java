package org.modgres.executor.impl.agg;

import java.util.HashSet;
import java.util.Set;

import org.modgres.executor.impl.value.RowKey;

/** The DISTINCT of an aggregate call: passes on a row only the first time its arguments are seen. */
final class DistinctAccumulator implements Accumulator {

    private final int[] arguments;
    private final Accumulator inner;
    private final Set<RowKey> seen = new HashSet<>();

    DistinctAccumulator(int[] arguments, Accumulator inner) {
        this.arguments = arguments;
        this.inner = inner;
    }

    @Override
    public void add(Object[] row) {
        if (seen.add(RowKey.of(row, arguments))) {
            inner.add(row);
        }
    }

    @Override
    public Object result() {
        return inner.result();
    }
}
