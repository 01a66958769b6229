package org.modgres.shmem.impl;

/** What became of a row that SELECT ... FOR UPDATE asked to lock. */
enum RowLock {
    /** The transaction holds the row's lock. */
    LOCKED,
    /** Another transaction holds it, and SKIP LOCKED passes the row. */
    SKIPPED,
    /** The row is gone for the transaction: deleted, or replaced by a version it cannot see. */
    GONE
}
