package org.modgres.executor.impl.operator;

import org.modgres.api.storage.RowScan;

/**
 * Hands out the rows of a storage scan, which a subclass opens: each row as the storage gives it,
 * its id to the tracker, a tick to the interrupt checks.
 */
abstract class StoredRowsOperator implements Operator {

    private final Interrupts interrupts;
    private final RowIdTracker tracker;
    private RowScan scan;

    /** @param tracker receives each row's id, or null when nobody needs it */
    StoredRowsOperator(Interrupts interrupts, RowIdTracker tracker) {
        this.interrupts = interrupts;
        this.tracker = tracker;
    }

    /** Reads the rows of this scan from now on; none when it is null. */
    final void reading(RowScan rows) {
        scan = rows;
    }

    @Override
    public final Object[] next() {
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
    public final void close() {
        if (scan != null) {
            scan.close();
            scan = null;
        }
    }
}
