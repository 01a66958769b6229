package org.modgres.api.storage;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A transaction of one backend. Not thread-safe: one backend uses it at a time.
 * Changes made through it are undone by {@link #rollback()}.
 *
 * <p>Reads see a snapshot: the data committed when it was taken, plus the transaction's own
 * changes. {@link #startStatement()} takes a new one under READ COMMITTED; under REPEATABLE READ
 * the first statement's snapshot serves the whole transaction. Changing a row locks it until the
 * transaction ends; a second writer waits, and fails with 40P01 if the wait is a deadlock.
 */
@ProviderType
public interface Transaction {

    /** Returns the transaction's id. */
    long id();

    /**
     * Returns the transaction's id if it has one already (it wrote something), else 0, without
     * assigning one: what pg_locks and pg_stat_activity show, read from other backends' threads.
     */
    default long assignedId() {
        return 0;
    }

    /** Returns the transaction's isolation level. */
    IsolationLevel isolation();

    /**
     * Marks the start of a statement: under READ COMMITTED it takes a new snapshot, under the
     * other levels only the first call does. Scans opened afterwards read that snapshot.
     */
    void startStatement();

    /**
     * Sets what runs, repeatedly, while the transaction waits for a row lock another transaction
     * holds; it throws to stop waiting (a cancelled statement, a timeout).
     */
    void whileWaiting(Runnable interruptCheck);

    /**
     * Runs the check {@link #whileWaiting} set, once: for other waits of the statement, such as a
     * function waiting for an advisory lock; it throws when the statement must stop.
     */
    default void checkWhileWaiting() {
    }

    /** Returns a mark of the changes made so far, for {@link #rollbackTo(long)}. */
    long savepoint();

    /** Undoes the changes made after a {@link #savepoint()}, releasing the row locks they took. */
    void rollbackTo(long savepoint);

    /**
     * Forgets a savepoint and every one set after it; their changes stay. Savepoints are a stack:
     * a statement that sets one for itself releases it when it ends.
     */
    void releaseSavepoint(long savepoint);

    /**
     * Returns access to a table's rows, holding the table's ACCESS SHARE lock until the
     * transaction ends (ROW SHARE once rows are locked, ROW EXCLUSIVE once they are changed).
     *
     * @throws org.modgres.api.error.PgException 42P01 when the table does not exist
     */
    TableAccess table(String schema, String name);

    /**
     * Takes a table's lock in this mode until the transaction ends, as LOCK TABLE does: waits
     * while other transactions hold a mode that conflicts (or, with {@code nowait}, fails with
     * 55P03), and fails with 40P01 when the wait closes a cycle.
     *
     * @throws org.modgres.api.error.PgException 42P01 when the table does not exist
     */
    void lockTable(String schema, String name, TableLockMode mode, boolean nowait);

    /** Returns the table locks the transaction holds and the one it waits for, if any; safe from any thread. */
    default java.util.List<HeldTableLock> tableLocks() {
        return java.util.List.of();
    }

    /** Returns the catalog, with this transaction's changes of it. */
    Catalog catalog();

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

    /**
     * Deletes every row of a table, as TRUNCATE does.
     *
     * @throws org.modgres.api.error.PgException 42P01 when the table does not exist
     */
    void truncate(String schema, String name);

    /**
     * Adds a primary key to a table and makes its columns NOT NULL.
     *
     * @throws org.modgres.api.error.PgException 42P16 when the table has one already, 42703 for an
     *         unknown column, 23502 when a row has a null key column, 23505 for duplicate keys
     */
    TableInfo addPrimaryKey(String schema, String name, List<String> columns);

    /**
     * Sets or removes a column's default (ALTER TABLE ... ALTER COLUMN ... SET / DROP DEFAULT).
     *
     * @param expression the default as {@link ColumnInfo#defaultExpression()} keeps it, or null to drop it
     * @throws org.modgres.api.error.PgException 42P01 when the table does not exist, 42703 for an
     *         unknown column, 42601 for an identity column
     */
    TableInfo setColumnDefault(String schema, String table, String column, String expression);

    /**
     * Makes a column NOT NULL (ALTER TABLE ... ALTER COLUMN ... SET NOT NULL) or nullable again
     * ({@code DROP NOT NULL}).
     *
     * @throws org.modgres.api.error.PgException 42703 for an unknown column, 23502 when a row has a
     *         null in it, 42P16 when DROP NOT NULL names a primary-key column
     */
    TableInfo setNotNull(String schema, String table, String column, boolean notNull);

    /**
     * Adds a UNIQUE, CHECK or FOREIGN KEY constraint to a table (ALTER TABLE ... ADD CONSTRAINT).
     * A UNIQUE constraint first checks that the rows have no duplicate key; whether the rows meet a
     * CHECK or FOREIGN KEY constraint is for the caller to check, after adding it. Undone by a
     * rollback.
     *
     * @throws org.modgres.api.error.PgException 42710 when the table has a constraint of that name,
     *         42P07 when a relation of the schema has a new unique index's name, 23505 for duplicates
     */
    TableInfo addConstraint(String schema, String table, TableConstraint constraint);

    /**
     * Drops a constraint of a table by name (ALTER TABLE ... DROP CONSTRAINT), the primary key
     * included; with {@code cascade}, also the foreign keys of other tables that reference the key
     * dropped.
     *
     * @return the names of the foreign keys dropped with it, as {@code "name on table t"}
     * @throws org.modgres.api.error.PgException 42704 when there is no such constraint, 2BP01 when a
     *         foreign key needs the key and {@code cascade} is false
     */
    List<String> dropConstraint(String schema, String table, String name, boolean cascade);

    /**
     * Adds a nullable column after the others (ALTER TABLE ... ADD COLUMN); every row has
     * {@code value} in it. Rewrites the rows: waits for the other running transactions that
     * changed the table, and makes those that change it later wait until this one ends.
     *
     * @throws org.modgres.api.error.PgException 42701 when the table has a column of that name
     */
    TableInfo addColumn(String schema, String table, ColumnInfo column, Object value);

    /**
     * Drops a column (ALTER TABLE ... DROP COLUMN) with the table's keys, indexes and foreign keys
     * that use it, the CHECK constraints named in {@code checks} and the sequence it owns; the
     * foreign keys of other tables to it only with {@code cascade}. Rewrites the rows, as
     * {@link #addColumn} does.
     *
     * @return what else was dropped, as {@code "constraint name on table t"}
     * @throws org.modgres.api.error.PgException 42703 for an unknown column, 2BP01 when another
     *         table's foreign key references it and {@code cascade} is false
     */
    List<String> dropColumn(String schema, String table, String column, List<String> checks, boolean cascade);

    /**
     * Renames a column; the CHECK constraints that name it get the texts in {@code checks}, by
     * constraint name.
     *
     * @throws org.modgres.api.error.PgException 42703 for an unknown column, 42701 when the new name is taken
     */
    TableInfo renameColumn(String schema, String table, String column, String newName,
                           Map<String, String> checks);

    /**
     * Renames a table, keeping its OID; foreign keys and owned sequences follow.
     *
     * @throws org.modgres.api.error.PgException 42P07 when a relation of the schema has the new name
     */
    TableInfo renameTable(String schema, String table, String newName);

    /**
     * Makes an index of CREATE INDEX on a table, kept up to date from then on; a UNIQUE one first
     * checks that the rows have no duplicate key. Undone by a rollback.
     *
     * @throws org.modgres.api.error.PgException 42P07 when a relation of the schema has the index's name,
     *         23505 when a UNIQUE index finds a duplicate
     */
    TableInfo createIndex(String schema, String table, TableIndex index);

    /**
     * Drops an index of CREATE INDEX by its name. Undone by a rollback.
     *
     * @throws org.modgres.api.error.PgException 42704 when the schema has no such index, 2BP01 when
     *         a constraint's index is named
     */
    TableInfo dropIndex(String schema, String name);

    /**
     * Creates a sequence; like CREATE TABLE, rollback takes it back.
     *
     * @throws org.modgres.api.error.PgException 42P07 when a relation of that name exists, 42P01
     *         when its owner's table does not exist, 42703 when the owner's column does not
     */
    SequenceInfo createSequence(String schema, String name, SequenceOptions options, SequenceOwner owner);

    /**
     * Drops a sequence.
     *
     * @throws org.modgres.api.error.PgException 42P01 when it does not exist
     */
    void dropSequence(String schema, String name);

    /**
     * Gives a sequence new options or a new owner (ALTER SEQUENCE); rollback takes them back.
     *
     * @throws org.modgres.api.error.PgException 42P01 when it does not exist
     */
    SequenceInfo alterSequence(long oid, SequenceOptions options, SequenceOwner owner);

    /**
     * Advances a sequence and returns its new value. Not undone by rollback: a value is never
     * given out twice, even after a crash.
     *
     * @throws org.modgres.api.error.PgException 42P01 when it does not exist, 2200H when it
     *         reached its end and does not cycle
     */
    long nextval(long sequenceOid);

    /**
     * Sets a sequence's value, as {@code setval} does: the next {@link #nextval} returns
     * {@code value} when {@code isCalled} is false, the value after it otherwise. Not undone by
     * rollback.
     *
     * @throws org.modgres.api.error.PgException 42P01 when it does not exist, 22003 when the value
     *         is outside the sequence's bounds
     */
    void setval(long sequenceOid, long value, boolean isCalled);

    /**
     * Creates a schema; rollback takes it back.
     *
     * @throws org.modgres.api.error.PgException 42P06 when a schema of that name exists
     */
    default SchemaInfo createSchema(String name, long owner) {
        throw new org.modgres.api.error.PgException(org.modgres.api.error.SqlState.FEATURE_NOT_SUPPORTED,
                "CREATE SCHEMA is not supported by this storage");
    }

    /**
     * Drops an empty schema; the caller drops what it holds first.
     *
     * @throws org.modgres.api.error.PgException 3F000 when it does not exist, 2BP01 when it holds relations
     */
    default void dropSchema(String name) {
        throw new org.modgres.api.error.PgException(org.modgres.api.error.SqlState.INVALID_SCHEMA_NAME,
                "schema \"" + name + "\" does not exist");
    }

    /**
     * Creates a view under a new OID (the one of {@code view} is ignored), or replaces the view of
     * that name keeping its OID when {@code orReplace}; rollback takes it back.
     *
     * @throws org.modgres.api.error.PgException 42P07 when a relation of that name exists (and is
     *         not a view to replace), 3F000 when the schema does not exist
     */
    default ViewInfo createView(ViewInfo view, boolean orReplace) {
        throw new org.modgres.api.error.PgException(org.modgres.api.error.SqlState.FEATURE_NOT_SUPPORTED,
                "CREATE VIEW is not supported by this storage");
    }

    /**
     * Drops a view.
     *
     * @throws org.modgres.api.error.PgException 42P01 when it does not exist
     */
    default void dropView(String schema, String name) {
        throw new org.modgres.api.error.PgException(org.modgres.api.error.SqlState.UNDEFINED_TABLE,
                "view \"" + name + "\" does not exist");
    }

    /**
     * Puts a comment on an object, replacing the one it had, or with a null {@code description}
     * removes it; rollback takes it back.
     */
    default void setComment(long objectOid, long classOid, int subId, String description) {
        throw new org.modgres.api.error.PgException(org.modgres.api.error.SqlState.FEATURE_NOT_SUPPORTED,
                "COMMENT is not supported by this storage");
    }

    /** Makes the transaction's changes permanent. */
    void commit();

    /** Undoes the transaction's changes. */
    void rollback();
}
