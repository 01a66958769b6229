package org.modgres.api.storage;

import org.osgi.annotation.versioning.ProviderType;

/** A cursor over the rows of a table. */
@ProviderType
public interface RowScan extends AutoCloseable {

    /** Moves to the next row; returns false at the end. */
    boolean next();

    /**
     * Returns the current row. The array must not be changed, and the storage does not change it
     * either, also after the scan moves on: a consumer may keep it without taking a copy.
     */
    Object[] row();

    /** Returns the id of the current row, for {@link TableAccess#update} and {@link TableAccess#delete}. */
    long rowId();

    @Override
    void close();
}
