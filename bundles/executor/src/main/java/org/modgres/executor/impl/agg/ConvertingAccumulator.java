package org.modgres.executor.impl.agg;

import org.modgres.executor.impl.value.Casts;
import org.modgres.executor.impl.value.ValueType;

/** Brings an aggregate's result to the class of the type the plan declares for it (SUM of int4 as bigint, ...). */
final class ConvertingAccumulator implements Accumulator {

    private final Accumulator inner;
    private final ValueType type;

    ConvertingAccumulator(Accumulator inner, ValueType type) {
        this.inner = inner;
        this.type = type;
    }

    @Override
    public void add(Object[] row) {
        inner.add(row);
    }

    @Override
    public Object result() {
        return Casts.toClass(inner.result(), type);
    }
}
