package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.ResultColumn;

/**
 * The cursors a backend opened with DECLARE, by name. A cursor keeps the executor's row cursor
 * open between FETCHes, so its rows are those of the snapshot it was declared with; one declared
 * WITH HOLD was read to the end when declared, so it no longer needs its transaction.
 */
final class SqlCursors {

    /** An open cursor: its columns and what is left of its rows. */
    record Cursor(String name, List<ResultColumn> columns, RowCursor rows, boolean hold) {
    }

    private final Map<String, Cursor> open = new HashMap<>();

    /** Opens a cursor; a WITH HOLD cursor's rows are read now, while its transaction still runs. */
    void declare(String name, List<ResultColumn> columns, RowCursor rows, boolean hold) {
        if (open.containsKey(name)) {
            rows.close();
            throw new PgException(SqlState.DUPLICATE_CURSOR, "cursor \"" + name + "\" already exists");
        }
        open.put(name, new Cursor(name, columns, hold ? materialise(rows) : rows, hold));
    }

    /** Returns the cursor of this name, or fails with 34000 as PostgreSQL does. */
    Cursor get(String name) {
        Cursor cursor = open.get(name);
        if (cursor == null) {
            throw new PgException(SqlState.INVALID_CURSOR_NAME, "cursor \"" + name + "\" does not exist");
        }
        return cursor;
    }

    /** Reads up to {@code count} rows of a cursor. */
    static List<Object[]> read(Cursor cursor, long count) {
        List<Object[]> rows = new ArrayList<>();
        Object[] row;
        while (rows.size() < count && (row = cursor.rows().next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    /** Skips up to {@code count} rows of a cursor and returns how many it skipped. */
    static long skip(Cursor cursor, long count) {
        long skipped = 0;
        while (skipped < count && cursor.rows().next() != null) {
            skipped++;
        }
        return skipped;
    }

    /** Closes one cursor, or all of them for a null name. */
    void close(String name) {
        if (name == null) {
            open.values().forEach(cursor -> cursor.rows().close());
            open.clear();
            return;
        }
        get(name).rows().close();
        open.remove(name);
    }

    /** Closes the cursors that end with their transaction: all but those declared WITH HOLD. */
    void transactionEnded() {
        open.values().removeIf(cursor -> {
            if (!cursor.hold()) {
                cursor.rows().close();
            }
            return !cursor.hold();
        });
    }

    private static RowCursor materialise(RowCursor rows) {
        List<Object[]> all = new ArrayList<>();
        try (rows) {
            Object[] row;
            while ((row = rows.next()) != null) {
                all.add(row);
            }
        }
        return new RowList(all);
    }
}
