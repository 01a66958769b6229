package org.modgres.api.storage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The rows of one table as a transaction sees them. Rows are arrays with one value per column,
 * in the Java classes {@link org.modgres.api.type.PgType} names; the storage keeps its own copy.
 */
@ProviderType
public interface TableAccess {

    /** Returns the table's description. */
    TableInfo info();

    /** Opens a scan over the table's rows. */
    RowScan scan();

    /**
     * Inserts a row, after checking NOT NULL and the primary key.
     *
     * @throws org.modgres.api.error.PgException 23502 or 23505
     */
    void insert(Object[] row);

    /**
     * Replaces the row a scan is positioned on.
     *
     * @throws org.modgres.api.error.PgException 23502 or 23505
     */
    void update(long rowId, Object[] newRow);

    /** Deletes the row with this id; returns false when it was gone already. */
    boolean delete(long rowId);
}
