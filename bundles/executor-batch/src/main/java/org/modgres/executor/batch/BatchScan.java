package org.modgres.executor.batch;

import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.Transaction;
import org.modgres.executor.impl.operator.Interrupts;

/** Reads a table's rows through the transaction, a batch at a time. */
final class BatchScan implements BatchOperator {

    private final Transaction transaction;
    private final String schema;
    private final String table;
    private final Interrupts interrupts;
    private final RowBatch batch = new RowBatch();
    private RowScan scan;

    BatchScan(Transaction transaction, String schema, String table, Interrupts interrupts) {
        this.transaction = transaction;
        this.schema = schema;
        this.table = table;
        this.interrupts = interrupts;
    }

    @Override
    public void open() {
        close();
        scan = transaction.table(schema, table).scan();
    }

    @Override
    public RowBatch next() {
        batch.clear();
        if (scan == null) {
            return null;
        }
        while (!batch.isFull() && scan.next()) {
            interrupts.tick();
            // the storage never changes the array it hands out, so the batch keeps it as it is
            batch.add(scan.row());
        }
        if (batch.isEmpty()) {
            close();
            return null;
        }
        return batch;
    }

    @Override
    public void close() {
        if (scan != null) {
            scan.close();
            scan = null;
        }
    }

    @Override
    public String toString() {
        return "BatchScan(" + schema + "." + table + ")";
    }
}
