package org.modgres.executor.impl.operator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modgres.executor.impl.value.RowKey;

/**
 * INTERSECT and EXCEPT, with or without ALL. Counts the rows of every input but the first,
 * then streams the first: INTERSECT ALL returns a row as often as every other input still has
 * it, EXCEPT ALL as often as the others together do not.
 */
final class SetDifferenceOperator implements Operator {

    private final List<Operator> inputs;
    private final boolean intersect;
    private final boolean all;
    private List<Map<RowKey, long[]>> counts;
    private Set<RowKey> returned;
    private final MemoryBudget memory;

    SetDifferenceOperator(List<Operator> inputs, boolean intersect, boolean all, MemoryBudget memory) {
        this.inputs = inputs;
        this.memory = memory;
        this.intersect = intersect;
        this.all = all;
    }

    @Override
    public void open() {
        for (Operator input : inputs) {
            input.open();
        }
        counts = null;
        returned = new HashSet<>();
    }

    @Override
    public Object[] next() {
        if (counts == null) {
            countOthers();
        }
        Object[] row;
        while ((row = inputs.get(0).next()) != null) {
            RowKey key = RowKey.of(row);
            if (all ? takeOne(key) : !returned.contains(key) && present(key) == intersect && returned.add(key)) {
                if (!all) {
                    memory.keep(row);
                }
                return row;
            }
        }
        return null;
    }

    private void countOthers() {
        counts = new ArrayList<>();
        for (int i = 1; i < inputs.size(); i++) {
            // EXCEPT ALL subtracts the other inputs together, so they share one count
            Map<RowKey, long[]> map = intersect || counts.isEmpty() ? new HashMap<>() : counts.get(0);
            Object[] row;
            Operator input = inputs.get(i);
            while ((row = input.next()) != null) {
                long[] count = map.get(RowKey.of(row));
                if (count == null) {
                    memory.keep(row);
                    count = new long[1];
                    map.put(RowKey.of(row), count);
                }
                count[0]++;
            }
            if (intersect || counts.isEmpty()) {
                counts.add(map);
            }
        }
    }

    /** Returns whether a row is in every other input (INTERSECT) or in any (EXCEPT). */
    private boolean present(RowKey key) {
        for (Map<RowKey, long[]> map : counts) {
            boolean contains = map.containsKey(key);
            if (intersect && !contains) {
                return false;
            }
            if (!intersect && contains) {
                return true;
            }
        }
        return intersect;
    }

    /** For the ALL forms: decides one occurrence of a row of the first input, using up counts. */
    private boolean takeOne(RowKey key) {
        if (intersect) {
            for (Map<RowKey, long[]> map : counts) {
                long[] count = map.get(key);
                if (count == null || count[0] == 0) {
                    return false;
                }
            }
            for (Map<RowKey, long[]> map : counts) {
                map.get(key)[0]--;
            }
            return true;
        }
        long[] count = counts.isEmpty() ? null : counts.get(0).get(key);
        if (count != null && count[0] > 0) {
            count[0]--;
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        counts = null;
        returned = null;
        for (Operator input : inputs) {
            input.close();
        }
    }
}
