package org.modgres.executor.impl.operator;

import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.Transaction;

/** Reads a table's rows through the transaction. */
final class TableScanOperator implements Operator {

    private final Transaction transaction;
    private final String schema;
    private final String table;
    private final Interrupts interrupts;
    private final RowIdTracker tracker;
    private RowScan scan;

    /** @param tracker receives each row's id, or null when nobody needs it */
    TableScanOperator(Transaction transaction, String schema, String table, Interrupts interrupts,
                      RowIdTracker tracker) {
        this.transaction = transaction;
        this.schema = schema;
        this.table = table;
        this.interrupts = interrupts;
        this.tracker = tracker;
    }

    @Override
    public void open() {
        scan = transaction.table(schema, table).scan();
    }

    @Override
    public Object[] next() {
        if (scan == null || !scan.next()) {
            return null;
        }
        interrupts.tick();
        if (tracker != null) {
            tracker.set(scan.rowId());
        }
        // the storage never changes the array it hands out, so operators above may keep it as it is
        return scan.row();
    }

    @Override
    public void close() {
        if (scan != null) {
            scan.close();
            scan = null;
        }
    }
}
