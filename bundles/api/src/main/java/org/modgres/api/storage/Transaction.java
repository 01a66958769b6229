package org.modgres.api.storage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A transaction of one backend. Not thread-safe: one backend uses it at a time.
 * Changes made through it are undone by {@link #rollback()}.
 */
@ProviderType
public interface Transaction {

    /** Returns the transaction's id. */
    long id();

    /**
     * Returns access to a table's rows.
     *
     * @throws org.modgres.api.error.PgException 42P01 when the table does not exist
     */
    TableAccess table(String schema, String name);

    /**
     * Creates a table.
     *
     * @throws org.modgres.api.error.PgException 42P07 when it exists already
     */
    TableInfo createTable(TableDefinition definition);

    /**
     * Drops a table.
     *
     * @throws org.modgres.api.error.PgException 42P01 when it does not exist
     */
    void dropTable(String schema, String name);

    /** Makes the transaction's changes permanent. */
    void commit();

    /** Undoes the transaction's changes. */
    void rollback();
}
