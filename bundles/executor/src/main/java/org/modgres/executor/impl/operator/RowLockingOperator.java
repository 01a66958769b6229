package org.modgres.executor.impl.operator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import org.modgres.api.plan.RowLocking;
import org.modgres.api.storage.ConcurrentUpdateException;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.Transaction;
import org.modgres.executor.impl.dml.RowPipeline;

/**
 * SELECT ... FOR UPDATE over one table, as PostgreSQL's LockRows under its Limit: the rows that
 * pass the filter are taken in the query's order and each is locked before it counts towards
 * OFFSET and LIMIT, so that SKIP LOCKED passes rows other transactions hold and a query for the
 * first free job locks just that one. All rows are locked when the operator opens: under READ
 * COMMITTED a row changed since the snapshot makes it start again on what is committed now,
 * keeping the locks it took.
 */
final class RowLockingOperator implements Operator {

    /** A row that passed the filter, with the id of the stored row it came from. */
    private record Candidate(Object[] row, long rowId) {
    }

    private final Operator base;
    private final RowIdTracker rowIds;
    private final Transaction transaction;
    private final TableNames table;
    private final RowLocking locking;
    private final Comparator<Object[]> order;
    private final long offset;
    private final long fetch;
    private final RowPipeline above;
    private final MemoryBudget memory;
    private Iterator<Object[]> rows;

    /**
     * @param base  the rows of the table that pass the filter, tracked
     * @param order the query's order, or null
     * @param fetch the LIMIT, or -1
     * @param above the projections over the ordered rows, or null when the rows need none
     */
    RowLockingOperator(Operator base, RowIdTracker rowIds, Transaction transaction, TableNames table,
                       RowLocking locking, Comparator<Object[]> order, long offset, long fetch, RowPipeline above,
                       MemoryBudget memory) {
        this.base = base;
        this.rowIds = rowIds;
        this.transaction = transaction;
        this.table = table;
        this.locking = locking;
        this.order = order;
        this.offset = offset;
        this.fetch = fetch;
        this.above = above;
        this.memory = memory;
    }

    @Override
    public void open() {
        while (true) {
            try {
                rows = lockAll().iterator();
                return;
            } catch (ConcurrentUpdateException e) {
                if (!e.restartable()) {
                    throw e;
                }
                transaction.startStatement();
            }
        }
    }

    private List<Object[]> lockAll() {
        List<Candidate> candidates = new ArrayList<>();
        base.open();
        try {
            Object[] row;
            while ((row = base.next()) != null) {
                memory.keep(row);
                candidates.add(new Candidate(row, rowIds.current()));
            }
        } finally {
            base.close();
        }
        if (order != null) {
            candidates.sort((a, b) -> order.compare(a.row(), b.row()));
        }
        TableAccess access = transaction.table(table.schema(), table.table());
        List<Object[]> locked = new ArrayList<>();
        long skipped = 0;
        for (Candidate candidate : candidates) {
            if (fetch >= 0 && locked.size() >= fetch) {
                break;
            }
            boolean held = locking.shared() ? access.lockShared(candidate.rowId(), locking.whenHeld())
                    : access.lock(candidate.rowId(), locking.whenHeld());
            if (!held) {
                continue;
            }
            if (skipped < offset) {
                skipped++;
                continue;
            }
            locked.add(above == null ? candidate.row() : above.apply(candidate.row()));
        }
        return locked;
    }

    @Override
    public Object[] next() {
        return rows.hasNext() ? rows.next() : null;
    }

    @Override
    public void close() {
        rows = null;
    }
}
