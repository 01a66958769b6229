package org.modgres.executor.impl.operator;

import java.util.List;

import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.Transaction;
import org.modgres.executor.impl.expr.Evaluator;

/**
 * Reads the rows whose indexed columns equal values known when the statement runs (literals and
 * parameters), through the table's index on them instead of a scan: one row or none for the
 * primary key or a unique index. The filter that pinned the columns stays above it.
 */
final class KeyLookupOperator implements Operator {

    private static final Object[] NO_COLUMNS = new Object[0];

    private final Transaction transaction;
    private final TableNames table;
    private final List<Integer> keyColumns;
    private final Evaluator[] keyValues;
    private final RowIdTracker tracker;
    private RowScan lookup;

    /** @param lookup the index's columns and their values; {@code tracker} may be null */
    KeyLookupOperator(Transaction transaction, TableNames table, KeyLookups.KeyLookup lookup, RowIdTracker tracker) {
        this.transaction = transaction;
        this.table = table;
        this.keyColumns = lookup.columns();
        this.keyValues = lookup.values();
        this.tracker = tracker;
    }

    @Override
    public void open() {
        TableAccess access = transaction.table(table.schema(), table.table());
        Object[] key = new Object[keyValues.length];
        for (int i = 0; i < key.length; i++) {
            key[i] = keyValues[i].evaluate(NO_COLUMNS);
            if (key[i] == null) {
                // NULL equals nothing
                return;
            }
        }
        try {
            lookup = access.lookup(keyColumns, key);
        } catch (IllegalArgumentException notComparable) {
            // a value the key column cannot hold: the filter above decides, over all rows
            lookup = access.scan();
        }
    }

    @Override
    public Object[] next() {
        if (lookup == null || !lookup.next()) {
            return null;
        }
        if (tracker != null) {
            tracker.set(lookup.rowId());
        }
        // the storage never changes the array it hands out
        return lookup.row();
    }

    @Override
    public void close() {
        if (lookup != null) {
            lookup.close();
            lookup = null;
        }
    }
}
