package org.modgres.api.plan;

import java.util.Objects;

import org.modgres.api.storage.RowLockWait;

/**
 * The locking clause of {@code SELECT ... FOR UPDATE | NO KEY UPDATE | SHARE | KEY SHARE
 * [NOWAIT | SKIP LOCKED]}. FOR UPDATE and FOR NO KEY UPDATE lock a row exclusively; FOR SHARE
 * and FOR KEY SHARE share it with each other. Where PostgreSQL lets FOR KEY SHARE and FOR NO KEY
 * UPDATE (and a change of columns outside a key) hold a row at once, Modgres has them wait.
 *
 * @param strength the clause as written in capitals, e.g. {@code FOR UPDATE}, for messages
 * @param whenHeld what to do with a row another transaction holds
 */
public record RowLocking(String strength, RowLockWait whenHeld) {

    public RowLocking {
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(whenHeld, "whenHeld");
    }

    /** Whether the lock is one that other transactions may hold at the same time (FOR SHARE, FOR KEY SHARE). */
    public boolean shared() {
        return strength.endsWith("SHARE");
    }
}
