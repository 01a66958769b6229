package org.modgres.executor.impl.operator;

/**
 * The side channel through which the scan of an UPDATE's or DELETE's target table tells the
 * statement which stored row the row it just produced came from. Between the scan and the
 * table modification only operators that pass each row on before reading the next one are
 * allowed, so the id is always the one of the row that reaches the top.
 */
public final class RowIdTracker {

    private long current = -1;

    void set(long rowId) {
        current = rowId;
    }

    /** Returns the id of the row the tracked scan produced last. */
    public long current() {
        return current;
    }
}
