package org.modgres.api.plan;

import java.util.Objects;

import org.modgres.api.storage.RowLockWait;

/**
 * The locking clause of {@code SELECT ... FOR UPDATE | NO KEY UPDATE | SHARE | KEY SHARE
 * [NOWAIT | SKIP LOCKED]}. Every strength takes the row's one lock: two FOR SHARE of the same row
 * wait for each other, where PostgreSQL would let them share it.
 *
 * @param strength the clause as written in capitals, e.g. {@code FOR UPDATE}, for messages
 * @param whenHeld what to do with a row another transaction holds
 */
public record RowLocking(String strength, RowLockWait whenHeld) {

    public RowLocking {
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(whenHeld, "whenHeld");
    }
}
