package org.modgres.executor.impl.operator;

import org.modgres.api.storage.Transaction;

/** Reads a table's rows through the transaction. */
final class TableScanOperator extends StoredRowsOperator {

    private final Transaction transaction;
    private final String schema;
    private final String table;

    /** @param tracker receives each row's id, or null when nobody needs it */
    TableScanOperator(Transaction transaction, String schema, String table, Interrupts interrupts,
                      RowIdTracker tracker) {
        super(interrupts, tracker);
        this.transaction = transaction;
        this.schema = schema;
        this.table = table;
    }

    @Override
    public void open() {
        reading(transaction.table(schema, table).scan());
    }
}
