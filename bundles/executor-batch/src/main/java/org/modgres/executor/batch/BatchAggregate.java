package org.modgres.executor.batch;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modgres.executor.impl.agg.Accumulator;
import org.modgres.executor.impl.agg.AccumulatorFactory;
import org.modgres.executor.impl.operator.MemoryBudget;
import org.modgres.executor.impl.value.RowKey;

/**
 * GROUP BY by hashing, fed a batch at a time. Without GROUP BY each aggregate consumes the
 * whole batch in one loop; with it, each row's group is found once and every aggregate of the
 * group takes the row. Groups come out in the order they were first seen, as in the row
 * executor, and without GROUP BY an empty input still gives one row (COUNT 0, SUM NULL).
 */
final class BatchAggregate implements BatchOperator {

    private final BatchOperator input;
    private final int[] groupKeys;
    private final List<AccumulatorFactory> factories;
    private final MemoryBudget memory;
    private final RowBatch output = new RowBatch();
    private Iterator<Group> groups;

    BatchAggregate(BatchOperator input, int[] groupKeys, List<AccumulatorFactory> factories, MemoryBudget memory) {
        this.input = input;
        this.groupKeys = groupKeys;
        this.factories = factories;
        this.memory = memory;
    }

    private record Group(Object[] keyValues, Accumulator[] accumulators) {
    }

    @Override
    public void open() {
        groups = null;
        input.open();
    }

    @Override
    public RowBatch next() {
        if (groups == null) {
            groups = groupKeys.length == 0 ? List.of(aggregateAll()).iterator() : aggregateGroups().values().iterator();
        }
        output.clear();
        while (!output.isFull() && groups.hasNext()) {
            output.add(result(groups.next()));
        }
        return output.isEmpty() ? null : output;
    }

    private Group aggregateAll() {
        Group all = newGroup(new Object[0]);
        RowBatch batch;
        while ((batch = input.next()) != null) {
            Object[][] rows = batch.rows();
            int size = batch.size();
            for (Accumulator accumulator : all.accumulators) {
                for (int r = 0; r < size; r++) {
                    accumulator.add(rows[r]);
                }
            }
        }
        return all;
    }

    private Map<RowKey, Group> aggregateGroups() {
        Map<RowKey, Group> map = new LinkedHashMap<>();
        RowBatch batch;
        while ((batch = input.next()) != null) {
            Object[][] rows = batch.rows();
            for (int r = 0, size = batch.size(); r < size; r++) {
                Object[] row = rows[r];
                Group group = map.computeIfAbsent(RowKey.of(row, groupKeys), key -> newGroup(row));
                for (Accumulator accumulator : group.accumulators) {
                    accumulator.add(row);
                }
            }
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
        // the key values, the map entry and one accumulator object per aggregate
        memory.keep(keyValues);
        memory.reserve(64 + 32L * accumulators.length);
        return new Group(keyValues, accumulators);
    }

    private Object[] result(Group group) {
        Object[] out = new Object[groupKeys.length + factories.size()];
        System.arraycopy(group.keyValues, 0, out, 0, groupKeys.length);
        for (int i = 0; i < group.accumulators.length; i++) {
            out[groupKeys.length + i] = group.accumulators[i].result();
        }
        return out;
    }

    @Override
    public void close() {
        groups = null;
        output.clear();
        input.close();
    }

    @Override
    public String toString() {
        return "BatchAggregate(" + groupKeys.length + " keys, " + factories.size() + " aggregates) <- " + input;
    }
}
