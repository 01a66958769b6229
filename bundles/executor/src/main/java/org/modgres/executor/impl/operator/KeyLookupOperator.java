package org.modgres.executor.impl.operator;

import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.Transaction;
import org.modgres.executor.impl.expr.Evaluator;

/**
 * Reads the one row whose primary key equals values known when the statement runs (literals and
 * parameters), through the table's primary-key index instead of a scan. The filter that pinned
 * the key stays above it.
 */
final class KeyLookupOperator implements Operator {

    private static final Object[] NO_COLUMNS = new Object[0];

    private final Transaction transaction;
    private final TableNames table;
    private final Evaluator[] keyValues;
    private final RowIdTracker tracker;
    private RowScan lookup;

    /** @param keyValues the key's values in key-column order; {@code tracker} may be null */
    KeyLookupOperator(Transaction transaction, TableNames table, Evaluator[] keyValues, RowIdTracker tracker) {
        this.transaction = transaction;
        this.table = table;
        this.keyValues = keyValues;
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
            lookup = access.lookup(key);
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
        return lookup.row().clone();
    }

    @Override
    public void close() {
        if (lookup != null) {
            lookup.close();
            lookup = null;
        }
    }
}
