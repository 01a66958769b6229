package org.modgres.executor.impl.dml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ForeignKeyReference;
import org.modgres.api.storage.RowLockWait;
import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.executor.impl.value.PgErrors;
import org.modgres.executor.impl.value.RowKey;
import org.modgres.executor.impl.value.TextFormat;

/**
 * Keeps FOREIGN KEY constraints for one statement, as PostgreSQL's referential-integrity
 * triggers do. A row stored in a referencing table must find its key in the referenced table
 * (MATCH SIMPLE: a key with a NULL needs nothing). A referenced row deleted, or whose key
 * changes, takes its referencing rows along (CASCADE), sets their key to NULL (SET NULL), or
 * fails: at once for RESTRICT, at the end of the statement for NO ACTION, so that a statement
 * that removes the referencing rows too succeeds.
 *
 * <p>Rows are found with the statement's snapshot; referenced rows are not locked against a
 * concurrent delete (PostgreSQL's FOR KEY SHARE), so two transactions that insert a referencing
 * row and delete its referenced row at the same time can both commit.
 */
final class ForeignKeys {

    private final Transaction transaction;
    private final Map<List<String>, List<ForeignKeyReference>> referencing = new HashMap<>();
    private final List<PendingCheck> pending = new ArrayList<>();
    private final Map<TableInfo, List<TableConstraint.ForeignKey>> foreignKeysOf = new IdentityHashMap<>();

    /** A key a NO ACTION constraint must find unreferenced when the statement ends. */
    private record PendingCheck(ForeignKeyReference reference, TableInfo referenced, Object[] oldRow) {
    }

    ForeignKeys(Transaction transaction) {
        this.transaction = transaction;
    }

    /** Tells whether changes to the table involve any foreign key, so that DML keeps old rows for them. */
    boolean involve(TableAccess table) {
        return !table.info().constraints(TableConstraint.ForeignKey.class).isEmpty()
                || !referencingKeys(table).isEmpty();
    }

    /** Checks a row just inserted into the table. */
    void inserted(TableAccess table, Object[] row) {
        checkReferences(table.info(), row, null);
    }

    /** Checks a row just updated in the table and acts on the rows that referenced its old key. */
    void updated(TableAccess table, Object[] oldRow, Object[] newRow) {
        checkReferences(table.info(), newRow, oldRow);
        for (ForeignKeyReference reference : referencingKeys(table)) {
            int[] key = positions(reference.key().referencedColumns());
            if (!RowKey.of(oldRow, key).equals(RowKey.of(newRow, key))) {
                referencedKeyGone(reference, table.info(), oldRow, newRow);
            }
        }
    }

    /** Acts on the rows that referenced a row just deleted from the table. */
    void deleted(TableAccess table, Object[] oldRow) {
        for (ForeignKeyReference reference : referencingKeys(table)) {
            referencedKeyGone(reference, table.info(), oldRow, null);
        }
    }

    /** Fails if a NO ACTION constraint still finds a key the statement took away referenced. */
    void endOfStatement() {
        for (PendingCheck check : pending) {
            if (!referencingRows(check.reference, check.oldRow).isEmpty()) {
                throw stillReferenced(check.reference, check.referenced, check.oldRow);
            }
        }
        pending.clear();
    }

    private List<ForeignKeyReference> referencingKeys(TableAccess table) {
        TableInfo info = table.info();
        return referencing.computeIfAbsent(List.of(info.schema(), info.name()), name -> table.referencingKeys());
    }

    /** Checks the row's foreign keys whose columns changed from {@code oldRow} (all of them when it is null). */
    private void checkReferences(TableInfo table, Object[] row, Object[] oldRow) {
        // looked up once per table and statement: most tables have no foreign key to check per row
        for (TableConstraint.ForeignKey key : foreignKeysOf.computeIfAbsent(table,
                info -> info.constraints(TableConstraint.ForeignKey.class))) {
            int[] columns = positions(key.columns());
            if (oldRow != null && RowKey.of(row, columns).equals(RowKey.of(oldRow, columns))) {
                continue;
            }
            checkReference(table, key, row);
        }
    }

    /** Throws 23503 unless the row's key, when it has no NULL, is in the referenced table. */
    void checkReference(TableInfo table, TableConstraint.ForeignKey key, Object[] row) {
        int[] columns = positions(key.columns());
        Object[] wanted = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            if (row[columns[i]] == null) {
                return;
            }
            wanted[i] = row[columns[i]];
        }
        if (!present(transaction.table(key.referencedSchema(), key.referencedTable()), key.referencedColumns(),
                wanted)) {
            throw new PgException(SqlState.FOREIGN_KEY_VIOLATION, Severity.ERROR,
                    "insert or update on table \"" + table.name() + "\" violates foreign key constraint \""
                            + key.name() + "\"",
                    "Key (" + names(table, key.columns()) + ")=(" + values(row, columns)
                            + ") is not present in table \"" + key.referencedTable() + "\".", null, 0, null);
        }
    }

    /**
     * Tells whether the table has a row with these values in these columns (one it could not hold,
     * it has not), and locks that row as PostgreSQL's FOR KEY SHARE does, so that no transaction
     * deletes it or changes its key before this one ends.
     */
    private static boolean present(TableAccess table, List<Integer> columns, Object[] values) {
        long rowId;
        try (RowScan scan = table.lookup(columns, values)) {
            if (!scan.next()) {
                return false;
            }
            rowId = scan.rowId();
        } catch (IllegalArgumentException notStorable) {
            return false;
        }
        return table.lockShared(rowId, RowLockWait.WAIT);
    }

    /** Applies a constraint's action to the rows that referenced a key that was deleted or changed to {@code newRow}. */
    private void referencedKeyGone(ForeignKeyReference reference, TableInfo referenced, Object[] oldRow,
                                   Object[] newRow) {
        TableConstraint.Action action = newRow == null ? reference.key().onDelete() : reference.key().onUpdate();
        switch (action) {
            case NO_ACTION -> pending.add(new PendingCheck(reference, referenced, oldRow));
            case RESTRICT -> {
                if (!referencingRows(reference, oldRow).isEmpty()) {
                    throw stillReferenced(reference, referenced, oldRow);
                }
            }
            case CASCADE -> cascade(reference, oldRow, newRow);
            case SET_NULL -> setNull(reference, oldRow);
            case SET_DEFAULT -> throw PgErrors.notSupported("foreign key action SET DEFAULT");
        }
    }

    private void cascade(ForeignKeyReference reference, Object[] oldRow, Object[] newRow) {
        TableAccess child = transaction.table(reference.schema(), reference.table());
        int[] childColumns = positions(reference.key().columns());
        int[] parentColumns = positions(reference.key().referencedColumns());
        for (Map.Entry<Long, Object[]> row : referencingRows(reference, oldRow).entrySet()) {
            if (newRow == null) {
                if (child.delete(row.getKey())) {
                    deleted(child, row.getValue());
                }
            } else {
                Object[] changed = row.getValue().clone();
                for (int i = 0; i < childColumns.length; i++) {
                    changed[childColumns[i]] = newRow[parentColumns[i]];
                }
                child.update(row.getKey(), changed);
                updated(child, row.getValue(), changed);
            }
        }
    }

    private void setNull(ForeignKeyReference reference, Object[] oldRow) {
        TableAccess child = transaction.table(reference.schema(), reference.table());
        for (Map.Entry<Long, Object[]> row : referencingRows(reference, oldRow).entrySet()) {
            Object[] changed = row.getValue().clone();
            for (int column : reference.key().columns()) {
                changed[column] = null;
            }
            child.update(row.getKey(), changed);
            updated(child, row.getValue(), changed);
        }
    }

    /**
     * Returns the rows, by id, of the referencing table whose key is the one {@code oldRow} had:
     * through an index on the referencing columns when the table has one, else by a scan. A
     * referencing row committed since the statement's snapshot restarts the statement (or fails
     * it with 40001), as PostgreSQL's cross-checked referential-integrity queries do: it was
     * inserted by a transaction that locked the referenced row before this one deleted or changed it.
     */
    private Map<Long, Object[]> referencingRows(ForeignKeyReference reference, Object[] oldRow) {
        List<Integer> parentColumns = reference.key().referencedColumns();
        Object[] key = new Object[parentColumns.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = oldRow[parentColumns.get(i)];
        }
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        try (RowScan scan = transaction.table(reference.schema(), reference.table())
                .lookupCrossChecked(reference.key().columns(), key)) {
            while (scan.next()) {
                rows.put(scan.rowId(), scan.row());
            }
        } catch (IllegalArgumentException notStorable) {
            // a value the referencing columns cannot hold: no row there has it
        }
        return rows;
    }

    private static PgException stillReferenced(ForeignKeyReference reference, TableInfo referenced, Object[] oldRow) {
        List<Integer> keyColumns = reference.key().referencedColumns();
        return new PgException(SqlState.FOREIGN_KEY_VIOLATION, Severity.ERROR,
                "update or delete on table \"" + referenced.name() + "\" violates foreign key constraint \""
                        + reference.key().name() + "\" on table \"" + reference.table() + "\"",
                "Key (" + names(referenced, keyColumns) + ")=(" + values(oldRow, positions(keyColumns))
                        + ") is still referenced from table \"" + reference.table() + "\".", null, 0, null);
    }

    private static int[] positions(List<Integer> columns) {
        return columns.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String names(TableInfo table, List<Integer> columns) {
        List<String> names = new ArrayList<>();
        for (int column : columns) {
            names.add(table.columns().get(column).name());
        }
        return String.join(", ", names);
    }

    private static String values(Object[] row, int[] columns) {
        List<String> values = new ArrayList<>();
        for (int column : columns) {
            values.add(row[column] == null ? "null" : TextFormat.format(row[column]));
        }
        return String.join(", ", values);
    }
}
