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
     * Opens a scan over the row whose primary key equals {@code key} (values in key-column order),
     * which has no row or one; the same rows as a full scan filtered on the key, found through the
     * primary-key index.
     *
     * @throws IllegalStateException when the table has no primary key
     */
    RowScan lookup(Object[] key);

    /**
     * Opens a scan over the rows whose values in {@code columns} equal {@code values} (in the order
     * of {@code columns}): found through the index on exactly those columns (in any order) when
     * there is one, else by a scan. There is no row or one when the columns are those of the
     * primary key, a UNIQUE constraint or a unique index. Values with a NULL match no row.
     */
    RowScan lookup(java.util.List<Integer> columns, Object[] values);

    /**
     * Like {@link #lookup(java.util.List, Object[])}, and checked against what has committed since
     * the statement's snapshot, as PostgreSQL's referential-integrity checks of a deleted or
     * changed key are: when a transaction that committed since then added, changed or deleted a
     * matching row, the answer of the snapshot is stale. Rows of transactions still running do not
     * count: such a transaction locked the referenced row first (see {@link #lockShared}), and the
     * caller waited for it when it took that row.
     *
     * @throws ConcurrentUpdateException when the rows as of now differ from those of the snapshot
     *         (restartable in READ COMMITTED, 40001 otherwise)
     */
    default RowScan lookupCrossChecked(java.util.List<Integer> columns, Object[] values) {
        return lookup(columns, values);
    }

    /**
     * Opens a scan over the rows whose values in {@code columns} lie in {@code range}, in the order
     * of those columns: ascending with NULLs last, as PostgreSQL's B-tree orders them, or descending
     * with NULLs first. {@code columns} are the leading columns, in order, of an index of the table
     * (its primary key's, a UNIQUE constraint's or one made by CREATE INDEX); the rows come from
     * that index, in the order of its keys. Rows with equal keys come in no particular order.
     *
     * @throws IllegalArgumentException when no index of the table starts with {@code columns}
     */
    RowScan scanIndex(java.util.List<Integer> columns, KeyRange range, boolean descending);

    /** Returns the foreign keys, of any table, that reference this table. */
    java.util.List<ForeignKeyReference> referencingKeys();

    /**
     * Inserts a row, after checking NOT NULL and the primary key.
     *
     * @throws org.modgres.api.error.PgException 23502 or 23505
     */
    void insert(Object[] row);

    /**
     * Replaces the row a scan is positioned on, waiting while another transaction holds its lock.
     *
     * @throws ConcurrentUpdateException when a transaction that committed after the statement's
     *         snapshot changed or deleted the row
     * @throws org.modgres.api.error.PgException 23502, 23505, or 40P01 on deadlock
     */
    void update(long rowId, Object[] newRow);

    /**
     * Deletes the row with this id, waiting as {@link #update} does; returns false when it was gone already.
     *
     * @throws ConcurrentUpdateException as {@link #update} does
     */
    boolean delete(long rowId);

    /**
     * Locks a row as SELECT ... FOR UPDATE does, until the transaction ends: a transaction that
     * wants to change or lock it waits for this one. In READ COMMITTED a row changed by a transaction
     * that committed after the statement's snapshot raises {@link ConcurrentUpdateException}.
     *
     * @return true when the row is locked; false when it is gone or, with
     *         {@link RowLockWait#SKIP_LOCKED}, another transaction holds it
     * @throws org.modgres.api.error.PgException 55P03 with {@link RowLockWait#NOWAIT} when another
     *         transaction holds it, 40001 in REPEATABLE READ when it was changed since the snapshot
     */
    boolean lock(long rowId, RowLockWait wait);

    /**
     * Locks a row as SELECT ... FOR SHARE does, and as a foreign-key check locks the row it found
     * in the referenced table: other transactions may hold the same lock at once, but none may
     * change, delete or exclusively lock the row until they all end. Waits, refuses and raises as
     * {@link #lock} does.
     *
     * @return true when the row is locked; false when it is gone or skipped
     */
    default boolean lockShared(long rowId, RowLockWait wait) {
        return lock(rowId, wait);
    }
}
