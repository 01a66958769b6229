package org.modgres.executor.impl.operator;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private Iterator<AggregateGroup> groups;

    AggregateOperator(Operator input, int[] groupKeys, List<AccumulatorFactory> factories, MemoryBudget memory) {
        this.input = input;
        this.memory = memory;
        this.groupKeys = groupKeys;
        this.factories = factories;
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
        return groups.hasNext() ? groups.next().result() : null;
    }

    private Map<RowKey, AggregateGroup> aggregate() {
        Map<RowKey, AggregateGroup> map = new LinkedHashMap<>();
        Object[] row;
        while ((row = input.next()) != null) {
            Object[] current = row;
            map.computeIfAbsent(RowKey.of(row, groupKeys),
                    key -> AggregateGroup.start(current, groupKeys, factories, memory)).add(row);
        }
        if (map.isEmpty() && groupKeys.length == 0) {
            map.put(RowKey.of(new Object[0]), AggregateGroup.start(new Object[0], groupKeys, factories, memory));
        }
        return map;
    }

    @Override
    public void close() {
        groups = null;
        input.close();
    }
}
