package org.modgres.api.storage;

import java.util.Objects;

/**
 * A table lock a transaction holds or waits for, as pg_locks lists it.
 *
 * @param relation the table's OID
 * @param mode     the lock mode
 * @param granted  false while the transaction waits for it
 */
public record HeldTableLock(long relation, TableLockMode mode, boolean granted) {

    public HeldTableLock {
        Objects.requireNonNull(mode, "mode");
    }
}
