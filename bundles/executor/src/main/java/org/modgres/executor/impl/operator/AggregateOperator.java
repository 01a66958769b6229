package org.modgres.executor.impl.operator;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modgres.executor.impl.agg.Accumulator;
import org.modgres.executor.impl.agg.AccumulatorFactory;
import org.modgres.executor.impl.value.RowKey;

/**
 * GROUP BY by hashing: reads the whole input on the first pull, then returns one row per
 * group, the group's key columns followed by the aggregates. Without GROUP BY, an empty input
 * still gives one row (COUNT 0, SUM NULL).
 */
final class AggregateOperator implements Operator {

    private final Operator input;
    private final int[] groupKeys;
    private final List<AccumulatorFactory> factories;
    private final MemoryBudget memory;
    private Iterator<Group> groups;

    AggregateOperator(Operator input, int[] groupKeys, List<AccumulatorFactory> factories, MemoryBudget memory) {
        this.input = input;
        this.memory = memory;
        this.groupKeys = groupKeys;
        this.factories = factories;
    }

    private record Group(Object[] keyValues, Accumulator[] accumulators) {
    }

    @Override
    public void open() {
        input.open();
        groups = null;
    }

    @Override
    public Object[] next() {
        if (groups == null) {
            groups = aggregate().values().iterator();
        }
        if (!groups.hasNext()) {
            return null;
        }
        Group group = groups.next();
        Object[] out = new Object[groupKeys.length + factories.size()];
        System.arraycopy(group.keyValues, 0, out, 0, groupKeys.length);
        for (int i = 0; i < group.accumulators.length; i++) {
            out[groupKeys.length + i] = group.accumulators[i].result();
        }
        return out;
    }

    private Map<RowKey, Group> aggregate() {
        Map<RowKey, Group> map = new LinkedHashMap<>();
        Object[] row;
        while ((row = input.next()) != null) {
            RowKey key = RowKey.of(row, groupKeys);
            Group group = map.get(key);
            if (group == null) {
                group = newGroup(row);
                // the key, its map entry and one accumulator object per aggregate
                memory.reserve(MemoryBudget.RowSizes.of(group.keyValues) + 64 + 32L * factories.size());
                map.put(key, group);
            }
            for (Accumulator accumulator : group.accumulators) {
                accumulator.add(row);
            }
        }
        if (map.isEmpty() && groupKeys.length == 0) {
            map.put(RowKey.of(new Object[0]), newGroup(new Object[0]));
        }
        return map;
    }

    private Group newGroup(Object[] row) {
        Object[] keyValues = new Object[groupKeys.length];
        for (int i = 0; i < groupKeys.length; i++) {
            keyValues[i] = row[groupKeys[i]];
        }
        Accumulator[] accumulators = new Accumulator[factories.size()];
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i] = factories.get(i).create();
        }
        return new Group(keyValues, accumulators);
    }

    @Override
    public void close() {
        groups = null;
        input.close();
    }
}
