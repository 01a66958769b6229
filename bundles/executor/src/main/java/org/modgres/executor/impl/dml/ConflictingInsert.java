package org.modgres.executor.impl.dml;

import java.util.HashSet;
import java.util.Set;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.OnConflict;
import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableAccess;
import org.modgres.executor.impl.value.Casts;
import org.modgres.executor.impl.value.RowKey;
import org.modgres.executor.impl.value.TargetType;

/**
 * Inserts rows under {@code ON CONFLICT}: a row whose arbiter key is taken is skipped (DO
 * NOTHING) or updates the row that holds the key (DO UPDATE); without arbiters (DO NOTHING
 * without a target) a row that any unique key refuses is skipped. The existing row is found by
 * scanning the table, which is correct for any storage, if slow for large tables.
 */
final class ConflictingInsert {

    private final TableAccess table;
    private final int[] arbiters;
    private final RowPipeline update;
    private final TargetType[] types;
    private final CheckConstraints checks;
    /** The keys of the rows this statement inserted or updated, which DO UPDATE must not update again. */
    private final Set<RowKey> affected = new HashSet<>();

    /** @param update the compiled DO UPDATE, or null for DO NOTHING */
    ConflictingInsert(TableAccess table, OnConflict onConflict, RowPipeline update, TargetType[] types,
                      CheckConstraints checks) {
        this.checks = checks;
        this.table = table;
        this.arbiters = onConflict.arbiterColumns().stream().mapToInt(Integer::intValue).toArray();
        this.update = update;
        this.types = types;
    }

    /**
     * Inserts a proposed row, already in the columns' types, or resolves its conflict.
     *
     * @return the row as stored (inserted or updated), or null when nothing was changed
     */
    Object[] insert(Object[] proposed) {
        if (arbiters.length == 0) {
            return insertUnlessAnyKeyIsTaken(proposed);
        }
        RowKey key = RowKey.of(proposed, arbiters);
        Existing existing = key.hasNull() ? null : find(key);
        if (existing == null) {
            table.insert(proposed);
            affected.add(key);
            return proposed;
        }
        if (update == null) {
            return null;
        }
        if (affected.contains(key)) {
            throw new PgException(SqlState.CARDINALITY_VIOLATION, Severity.ERROR,
                    "ON CONFLICT DO UPDATE command cannot affect row a second time", null,
                    "Ensure that no rows proposed for insertion within the same command have duplicate constrained values.",
                    0, null);
        }
        Object[] both = new Object[existing.row.length + proposed.length];
        System.arraycopy(existing.row, 0, both, 0, existing.row.length);
        System.arraycopy(proposed, 0, both, existing.row.length, proposed.length);
        Object[] computed = update.apply(both);
        if (computed == null) {
            return null;
        }
        Object[] newRow = new Object[types.length];
        for (int i = 0; i < newRow.length; i++) {
            newRow[i] = Casts.cast(computed[i], types[i], true);
        }
        checks.check(newRow);
        table.update(existing.rowId, newRow);
        affected.add(RowKey.of(newRow, arbiters));
        return newRow;
    }

    /**
     * DO NOTHING without a target: the storage judges every unique key, waiting for a running
     * holder as for any insert, and a row it refuses is skipped.
     */
    private Object[] insertUnlessAnyKeyIsTaken(Object[] proposed) {
        try {
            table.insert(proposed);
            return proposed;
        } catch (PgException e) {
            if (e.sqlState() == SqlState.UNIQUE_VIOLATION) {
                return null;
            }
            throw e;
        }
    }

    private record Existing(long rowId, Object[] row) {
    }

    private Existing find(RowKey key) {
        try (RowScan scan = table.scan()) {
            while (scan.next()) {
                Object[] row = scan.row();
                if (RowKey.of(row, arbiters).equals(key)) {
                    return new Existing(scan.rowId(), row.clone());
                }
            }
        }
        return null;
    }
}
