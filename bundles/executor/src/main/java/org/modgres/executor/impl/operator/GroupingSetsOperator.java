package org.modgres.executor.impl.operator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;
import org.modgres.executor.impl.agg.AccumulatorFactory;
import org.modgres.executor.impl.value.Casts;
import org.modgres.executor.impl.value.RowKey;
import org.modgres.executor.impl.value.ValueType;

/**
 * GROUP BY GROUPING SETS, ROLLUP and CUBE by hashing: reads the whole input on the first pull and
 * adds each row to its group in every grouping set; then returns the groups of each set, the
 * group columns outside the set NULL, as PostgreSQL's hashed grouping sets do. An empty set
 * gives its one row even for an empty input. {@code GROUPING(a, b)} is a bit per argument, set
 * when the argument is not grouped in the row's set.
 */
final class GroupingSetsOperator implements Operator {

    private final Operator input;
    private final int[] groupColumns;
    private final List<int[]> sets;
    private final List<AggregateCall> calls;
    private final List<AccumulatorFactory> factories;
    private final MemoryBudget memory;
    private Iterator<Object[]> rows;

    /**
     * @param factories the accumulators of the aggregate calls other than GROUPING, in their order
     */
    GroupingSetsOperator(Operator input, Aggregate aggregate, List<AccumulatorFactory> factories,
                         MemoryBudget memory) {
        this.input = input;
        this.groupColumns = aggregate.getGroupSet().toArray();
        this.sets = aggregate.getGroupSets().stream().map(ImmutableBitSet::toArray).toList();
        this.calls = aggregate.getAggCallList();
        this.factories = factories;
        this.memory = memory;
    }

    /** Returns whether an aggregate call is GROUPING or one of its kind, which no accumulator computes. */
    static boolean isGroupingFunction(AggregateCall call) {
        SqlKind kind = call.getAggregation().getKind();
        return kind == SqlKind.GROUPING || kind == SqlKind.GROUP_ID;
    }

    @Override
    public void open() {
        input.open();
        rows = null;
    }

    @Override
    public Object[] next() {
        if (rows == null) {
            rows = aggregate().iterator();
        }
        return rows.hasNext() ? rows.next() : null;
    }

    private List<Object[]> aggregate() {
        List<Map<RowKey, AggregateGroup>> groups = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            groups.add(new LinkedHashMap<>());
        }
        Object[] row;
        while ((row = input.next()) != null) {
            Object[] current = row;
            for (int i = 0; i < sets.size(); i++) {
                int[] keys = sets.get(i);
                groups.get(i).computeIfAbsent(RowKey.of(row, keys),
                        key -> AggregateGroup.start(current, keys, factories, memory)).add(row);
            }
        }
        List<Object[]> result = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            int[] keys = sets.get(i);
            if (groups.get(i).isEmpty() && keys.length == 0) {
                groups.get(i).put(RowKey.of(new Object[0]), AggregateGroup.start(new Object[0], keys, factories, memory));
            }
            for (AggregateGroup group : groups.get(i).values()) {
                result.add(output(keys, group.result()));
            }
        }
        return result;
    }

    /** Returns a group's row: every group column (NULL outside the set), then the aggregate calls. */
    private Object[] output(int[] keys, Object[] groupRow) {
        Object[] out = new Object[groupColumns.length + calls.size()];
        for (int c = 0; c < groupColumns.length; c++) {
            int position = indexOf(keys, groupColumns[c]);
            out[c] = position < 0 ? null : groupRow[position];
        }
        int accumulator = keys.length;
        for (int i = 0; i < calls.size(); i++) {
            AggregateCall call = calls.get(i);
            out[groupColumns.length + i] = isGroupingFunction(call) ? grouping(call, keys)
                    : groupRow[accumulator++];
        }
        return out;
    }

    private static Object grouping(AggregateCall call, int[] keys) {
        long bits = 0;
        if (call.getAggregation().getKind() != SqlKind.GROUP_ID) {
            for (int argument : call.getArgList()) {
                bits = bits << 1 | (indexOf(keys, argument) < 0 ? 1 : 0);
            }
        }
        return Casts.toClass(bits, ValueType.of(call.getType()));
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        rows = null;
        input.close();
    }
}
