package org.modgres.executor.impl.operator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * ORDER BY with OFFSET and LIMIT. With a small enough LIMIT it keeps only the best rows in a
 * heap instead of sorting the whole input.
 */
final class SortOperator implements Operator {

    /** Above this many rows kept, a full sort is cheaper than the heap. */
    private static final long TOP_N_LIMIT = 10_000;

    private final Operator input;
    private final Comparator<Object[]> comparator;
    private final long offset;
    private final long fetch;
    private final MemoryBudget memory;
    private List<Object[]> sorted;
    private int position;

    /** @param fetch the most rows to return, or -1 for all */
    SortOperator(Operator input, Comparator<Object[]> comparator, long offset, long fetch, MemoryBudget memory) {
        this.input = input;
        this.memory = memory;
        this.comparator = comparator;
        this.offset = offset;
        this.fetch = fetch;
    }

    @Override
    public void open() {
        input.open();
        sorted = null;
    }

    @Override
    public Object[] next() {
        if (sorted == null) {
            sorted = fetch >= 0 && offset + fetch <= TOP_N_LIMIT ? topN((int) (offset + fetch)) : sortAll();
            position = (int) Math.min(offset, sorted.size());
        }
        if (position >= sorted.size() || fetch >= 0 && position - offset >= fetch) {
            return null;
        }
        return sorted.get(position++);
    }

    private List<Object[]> sortAll() {
        List<Object[]> rows = new ArrayList<>();
        Object[] row;
        while ((row = input.next()) != null) {
            memory.keep(row);
            rows.add(row);
        }
        rows.sort(comparator);
        return rows;
    }

    private List<Object[]> topN(int keep) {
        if (keep == 0) {
            return List.of();
        }
        // the heap's head is the worst row kept, the first to give way to a better one
        PriorityQueue<Object[]> heap = new PriorityQueue<>(keep + 1, comparator.reversed());
        Object[] row;
        while ((row = input.next()) != null) {
            if (heap.size() < keep) {
                memory.keep(row);
                heap.add(row);
            } else if (comparator.compare(row, heap.peek()) < 0) {
                heap.poll();
                heap.add(row);
            }
        }
        List<Object[]> rows = new ArrayList<>(heap);
        rows.sort(comparator);
        return rows;
    }

    @Override
    public void close() {
        sorted = null;
        input.close();
    }
}
