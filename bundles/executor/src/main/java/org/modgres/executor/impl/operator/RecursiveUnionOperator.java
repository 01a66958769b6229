package org.modgres.executor.impl.operator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.modgres.executor.impl.value.RowKey;

/**
 * WITH RECURSIVE, evaluated as PostgreSQL does: the non-recursive term's rows are returned and
 * become the working table; the recursive term runs again and again over the working table,
 * each run's rows returned and made the next working table, until a run produces none. With
 * UNION (not ALL) a row equal to one returned before is dropped, and so does not recurse again.
 * Rows stream: each is returned as soon as its run produces it.
 */
final class RecursiveUnionOperator implements Operator {

    private final Operator seed;
    private final Operator recursive;
    private final WorkingTable workingTable;
    private final boolean distinct;
    private final long iterationLimit;
    private final Interrupts interrupts;
    private final MemoryBudget memory;
    private Set<RowKey> seen;
    private List<Object[]> produced;
    private Operator current;
    private long iterations;

    /** @param iterationLimit the most runs of the recursive term, or a negative number for no limit */
    RecursiveUnionOperator(Operator seed, Operator recursive, WorkingTable workingTable, boolean distinct,
                           long iterationLimit, Interrupts interrupts, MemoryBudget memory) {
        this.seed = seed;
        this.recursive = recursive;
        this.workingTable = workingTable;
        this.distinct = distinct;
        this.iterationLimit = iterationLimit;
        this.interrupts = interrupts;
        this.memory = memory;
    }

    @Override
    public void open() {
        seen = distinct ? new HashSet<>() : null;
        produced = new ArrayList<>();
        iterations = 0;
        workingTable.replace(List.of());
        seed.open();
        current = seed;
    }

    @Override
    public Object[] next() {
        while (current != null) {
            Object[] row = current.next();
            if (row == null) {
                current.close();
                current = nextRun();
                continue;
            }
            if (seen != null) {
                if (!seen.add(RowKey.of(row))) {
                    continue;
                }
                // the rows returned so far are held until the query ends; UNION ALL holds one run's only
                memory.keep(row);
            }
            produced.add(row);
            return row;
        }
        return null;
    }

    /** Starts the next run of the recursive term over the rows of the last one; null when done. */
    private Operator nextRun() {
        interrupts.tick();
        if (produced.isEmpty() || (iterationLimit >= 0 && iterations >= iterationLimit)) {
            workingTable.replace(List.of());
            return null;
        }
        iterations++;
        workingTable.replace(produced);
        produced = new ArrayList<>();
        recursive.open();
        return recursive;
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
        seed.close();
        recursive.close();
        seen = null;
        produced = null;
        workingTable.replace(List.of());
    }
}
