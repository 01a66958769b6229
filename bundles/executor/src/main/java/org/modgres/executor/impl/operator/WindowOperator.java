package org.modgres.executor.impl.operator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modgres.executor.impl.value.RowKey;
import org.modgres.executor.impl.window.Partition;
import org.modgres.executor.impl.window.WindowFunction;

/**
 * Calcite's Window node: reads the whole input on the first pull, then returns each input row,
 * in input order, followed by the values of the window functions of each group. A group's rows
 * are split into partitions by its PARTITION BY keys and sorted by its ORDER BY, with ties in
 * input order.
 */
final class WindowOperator implements Operator {

    /** The functions that share one window: partitioning, order and frame. */
    record Group(int[] partitionKeys, Comparator<Object[]> order, List<WindowFunction> functions) {
    }

    private final Operator input;
    private final int inputWidth;
    private final Object[] constants;
    private final List<Group> groups;
    private final int functionCount;
    private final Interrupts interrupts;
    private final MemoryBudget memory;
    private List<Object[]> rows;
    private Object[][] results;
    private int position;

    /** @param constants values the functions read after the input's, as Calcite's Window constants */
    WindowOperator(Operator input, int inputWidth, Object[] constants, List<Group> groups, Interrupts interrupts,
                   MemoryBudget memory) {
        this.input = input;
        this.memory = memory;
        this.inputWidth = inputWidth;
        this.constants = constants;
        this.groups = groups;
        this.functionCount = groups.stream().mapToInt(g -> g.functions().size()).sum();
        this.interrupts = interrupts;
    }

    @Override
    public void open() {
        input.open();
        rows = null;
    }

    @Override
    public Object[] next() {
        if (rows == null) {
            compute();
        }
        if (position >= rows.size()) {
            return null;
        }
        Object[] out = new Object[inputWidth + functionCount];
        System.arraycopy(rows.get(position), 0, out, 0, inputWidth);
        System.arraycopy(results[position], 0, out, inputWidth, functionCount);
        position++;
        return out;
    }

    private void compute() {
        rows = new ArrayList<>();
        Object[] row;
        while ((row = input.next()) != null) {
            Object[] extended = row;
            if (constants.length > 0) {
                extended = new Object[inputWidth + constants.length];
                System.arraycopy(row, 0, extended, 0, inputWidth);
                System.arraycopy(constants, 0, extended, inputWidth, constants.length);
            }
            memory.keep(extended);
            rows.add(extended);
            interrupts.tick();
        }
        results = new Object[rows.size()][functionCount];
        position = 0;
        int first = 0;
        for (Group group : groups) {
            for (List<Integer> members : partitions(group.partitionKeys())) {
                members.sort((a, b) -> group.order().compare(rows.get(a), rows.get(b)));
                List<Object[]> sorted = new ArrayList<>(members.size());
                members.forEach(index -> sorted.add(rows.get(index)));
                Partition partition = new Partition(sorted, group.order());
                Object[] values = new Object[members.size()];
                for (int f = 0; f < group.functions().size(); f++) {
                    group.functions().get(f).evaluate(partition, values);
                    for (int i = 0; i < values.length; i++) {
                        results[members.get(i)][first + f] = values[i];
                    }
                }
                interrupts.tick();
            }
            first += group.functions().size();
        }
    }

    /** Returns the positions of the rows of each partition, in input order. */
    private Iterable<List<Integer>> partitions(int[] keys) {
        Map<RowKey, List<Integer>> partitions = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            partitions.computeIfAbsent(RowKey.of(rows.get(i), keys), key -> new ArrayList<>()).add(i);
        }
        return partitions.values();
    }

    @Override
    public void close() {
        rows = null;
        results = null;
        input.close();
    }
}
