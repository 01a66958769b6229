package org.modgres.api.storage;

/** What SELECT ... FOR UPDATE does when another transaction holds a row it wants to lock. */
public enum RowLockWait {
    /** Waits for that transaction to end. */
    WAIT,
    /** Fails at once with 55P03 (NOWAIT). */
    NOWAIT,
    /** Passes the row over (SKIP LOCKED). */
    SKIP_LOCKED
}
