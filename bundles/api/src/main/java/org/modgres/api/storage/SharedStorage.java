package org.modgres.api.storage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The state every backend shares, as PostgreSQL's shared memory is: the catalog and the tables.
 * Implemented only by the shmem bundle; backends reach tables through a {@link Transaction}.
 */
@ProviderType
public interface SharedStorage {

    /** Returns the catalog as it is now. */
    Catalog catalog();

    /** Starts a transaction. The caller must end it with {@link Transaction#commit()} or {@link Transaction#rollback()}. */
    Transaction begin();
}
