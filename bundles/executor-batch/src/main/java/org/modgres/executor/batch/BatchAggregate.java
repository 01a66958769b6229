package org.modgres.executor.batch;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modgres.executor.impl.agg.Accumulator;
import org.modgres.executor.impl.agg.AccumulatorFactory;
import org.modgres.executor.impl.operator.AggregateGroup;
import org.modgres.executor.impl.operator.MemoryBudget;
import org.modgres.executor.impl.value.RowKey;

/**
 * GROUP BY by hashing, fed a batch at a time. Without GROUP BY each aggregate consumes the
 * whole batch in one loop; with it, each row's group is found once and every aggregate of the
 * group takes the row. Groups come out in the order they were first seen, as in the row
 * executor, and without GROUP BY an empty input still gives one row (COUNT 0, SUM NULL).
 */
final class BatchAggregate implements BatchOperator {

    private static final Object[] NO_ROW = new Object[0];

    private final BatchOperator input;
    private final int[] groupKeys;
    private final List<AccumulatorFactory> factories;
    private final MemoryBudget memory;
    private final RowBatch output = new RowBatch();
    private Iterator<AggregateGroup> groups;

    BatchAggregate(BatchOperator input, int[] groupKeys, List<AccumulatorFactory> factories, MemoryBudget memory) {
        this.input = input;
        this.groupKeys = groupKeys;
        this.factories = factories;
        this.memory = memory;
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
            output.add(groups.next().result());
        }
        return output.isEmpty() ? null : output;
    }

    private AggregateGroup aggregateAll() {
        AggregateGroup all = AggregateGroup.start(NO_ROW, groupKeys, factories, memory);
        RowBatch batch;
        while ((batch = input.next()) != null) {
            Object[][] rows = batch.rows();
            int size = batch.size();
            for (Accumulator accumulator : all.accumulators()) {
                for (int r = 0; r < size; r++) {
                    accumulator.add(rows[r]);
                }
            }
        }
        return all;
    }

    private Map<RowKey, AggregateGroup> aggregateGroups() {
        Map<RowKey, AggregateGroup> map = new LinkedHashMap<>();
        RowBatch batch;
        while ((batch = input.next()) != null) {
            Object[][] rows = batch.rows();
            for (int r = 0, size = batch.size(); r < size; r++) {
                Object[] row = rows[r];
                map.computeIfAbsent(RowKey.of(row, groupKeys),
                        key -> AggregateGroup.start(row, groupKeys, factories, memory)).add(row);
            }
        }
        return map;
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
