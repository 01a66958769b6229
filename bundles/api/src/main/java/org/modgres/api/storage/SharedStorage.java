package org.modgres.api.storage;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The state every backend shares, as PostgreSQL's shared memory is: the catalog and the tables.
 * Implemented only by the shmem bundle; backends reach tables through a {@link Transaction}.
 */
@ProviderType
public interface SharedStorage {

    /** Returns the catalog as it is now. */
    Catalog catalog();

    /** Starts a READ COMMITTED transaction; see {@link #begin(IsolationLevel)}. */
    default Transaction begin() {
        return begin(IsolationLevel.READ_COMMITTED);
    }

    /**
     * Starts a transaction. The caller must end it with {@link Transaction#commit()} or
     * {@link Transaction#rollback()}.
     */
    Transaction begin(IsolationLevel isolation);

    /**
     * Reclaims the row versions of a table that no transaction can see any more, as VACUUM does.
     * Runs outside any transaction; concurrent readers and writers go on.
     *
     * @throws org.modgres.api.error.PgException 42P01 when the table does not exist
     */
    void vacuum(String schema, String name);

    /**
     * Takes a checkpoint now, as CHECKPOINT does: everything committed so far is written to the
     * data files, so that recovery replays the log from here on.
     *
     * @return whether a checkpoint was taken; false when nothing was logged since the last one
     * @throws org.modgres.api.error.PgException 58030 when the data files cannot be written
     */
    boolean checkpoint();

    /**
     * Returns the storage's settings that sessions show read-only, by PostgreSQL name and in
     * PostgreSQL's SHOW form, such as {@code shared_buffers = 128MB}.
     */
    default Map<String, String> serverSettings() {
        return Map.of();
    }
}
