package org.modgres.executor.impl.operator;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modgres.executor.impl.value.RowKey;

/**
 * The build (right) side of a join, held in memory: hashed on the equi-join keys, or one
 * bucket with every row when there are none (a nested loop). Remembers which rows found a
 * partner, for RIGHT and FULL joins.
 */
final class JoinTable {

    private final int[] keys;
    private final boolean[] nullsMatch;
    private final List<Object[]> rows = new ArrayList<>();
    private final Map<RowKey, List<Integer>> buckets = new HashMap<>();
    private final List<Integer> all = new ArrayList<>();
    private final BitSet matched = new BitSet();
    private final MemoryBudget memory;

    /**
     * @param keys       the key columns of the build rows
     * @param nullsMatch per key, whether NULL matches NULL (IS NOT DISTINCT FROM) rather than nothing (=)
     */
    JoinTable(int[] keys, boolean[] nullsMatch, MemoryBudget memory) {
        this.keys = keys;
        this.memory = memory;
        this.nullsMatch = nullsMatch;
    }

    void add(Object[] row) {
        int index = rows.size();
        memory.keep(row);
        rows.add(row);
        if (keys.length == 0) {
            all.add(index);
        } else if (!hasExcludedNull(row, keys)) {
            buckets.computeIfAbsent(RowKey.of(row, keys), k -> new ArrayList<>(1)).add(index);
        }
    }

    /** Returns the indexes of the rows a probe row's keys can join with. */
    List<Integer> candidates(Object[] probe, int[] probeKeys) {
        if (keys.length == 0) {
            return all;
        }
        if (hasExcludedNull(probe, probeKeys)) {
            return List.of();
        }
        return buckets.getOrDefault(RowKey.of(probe, probeKeys), List.of());
    }

    private boolean hasExcludedNull(Object[] row, int[] columns) {
        for (int i = 0; i < columns.length; i++) {
            if (row[columns[i]] == null && !nullsMatch[i]) {
                return true;
            }
        }
        return false;
    }

    Object[] row(int index) {
        return rows.get(index);
    }

    void markMatched(int index) {
        matched.set(index);
    }

    int size() {
        return rows.size();
    }

    boolean isMatched(int index) {
        return matched.get(index);
    }
}
