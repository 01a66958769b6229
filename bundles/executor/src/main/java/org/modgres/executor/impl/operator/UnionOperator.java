package org.modgres.executor.impl.operator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.modgres.executor.impl.value.RowKey;

/** UNION ALL reads its inputs one after the other; UNION also drops rows it has returned before. */
final class UnionOperator implements Operator {

    private final List<Operator> inputs;
    private final boolean distinct;
    private final MemoryBudget memory;
    private Set<RowKey> seen;
    private int current;

    UnionOperator(List<Operator> inputs, boolean distinct, MemoryBudget memory) {
        this.inputs = inputs;
        this.memory = memory;
        this.distinct = distinct;
    }

    @Override
    public void open() {
        for (Operator input : inputs) {
            input.open();
        }
        current = 0;
        seen = distinct ? new HashSet<>() : null;
    }

    @Override
    public Object[] next() {
        while (current < inputs.size()) {
            Object[] row = inputs.get(current).next();
            if (row == null) {
                current++;
            } else if (seen == null) {
                return row;
            } else if (seen.add(RowKey.of(row))) {
                memory.keep(row);
                return row;
            }
        }
        return null;
    }

    @Override
    public void close() {
        seen = null;
        for (Operator input : inputs) {
            input.close();
        }
    }
}
