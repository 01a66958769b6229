package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.shmem.impl.btree.BTree;
import org.modgres.shmem.impl.btree.BTreeCursor;
import org.modgres.shmem.impl.btree.KeyEncoding;

/**
 * An index of a table: of its primary key, of one of its UNIQUE constraints, or one CREATE INDEX
 * made. Its entries are (key, row id) pairs in a {@link BTree} in the buffer pool, one for each
 * row that has, or had, a version with that key, in PostgreSQL's key order. Several rows share a
 * key while a deleted row waits for vacuum or a key was changed; uniqueness is judged on the newest
 * versions, with PostgreSQL's rule that a key held by a running transaction makes the inserter
 * wait for it. Keys with a NULL are indexed (ordered scans need them) but never clash, as in
 * PostgreSQL.
 */
final class KeyIndex {

    private static final long[] NO_IDS = new long[0];

    /**
     * Why an entry could not be added: a committed (or own) row has the key, or a running
     * transaction may; {@code index} is the index of a duplicate.
     */
    record Conflict(boolean duplicate, long waitFor, KeyIndex index) {

        /** A transaction to wait for before trying again. */
        static Conflict waitFor(long transaction) {
            return new Conflict(false, transaction, null);
        }
    }

    private final String constraintName;
    private final int[] keyColumns;
    private final boolean unique;
    /** Per key column, whether it is character(n), whose trailing spaces do not count. */
    private final boolean[] blankPadded;
    private final BTree entries;

    /** A unique index, of a primary key, a UNIQUE constraint or a UNIQUE index. */
    KeyIndex(String constraintName, int[] keyColumns, boolean[] blankPadded, BTree entries) {
        this(constraintName, keyColumns, true, blankPadded, entries);
    }

    KeyIndex(String constraintName, int[] keyColumns, boolean unique, boolean[] blankPadded, BTree entries) {
        this.constraintName = constraintName;
        this.keyColumns = keyColumns.clone();
        this.unique = unique;
        this.blankPadded = blankPadded.clone();
        this.entries = entries;
    }

    BTree tree() {
        return entries;
    }

    /** The name of the constraint the index enforces, as its violations name it. */
    String constraintName() {
        return constraintName;
    }

    RowKey keyOf(Object[] values) {
        return RowKey.of(values, keyColumns);
    }

    /** Returns whether the row has this key, as the index compares keys. */
    boolean hasKey(Object[] row, RowKey key) {
        if (key instanceof RowKey.Integral) {
            return key.matches(row, keyColumns);
        }
        return Arrays.equals(encode(keyOf(row)), encode(key));
    }

    /** The key's bytes in the index's order. */
    byte[] encode(RowKey key) {
        if (key instanceof RowKey.Integral integral) {
            return KeyEncoding.encodeIntegral(integral.value());
        }
        return KeyEncoding.encode(key.values(), blankPadded);
    }

    /** Encodes the leading key values of a bound (in the key columns' classes). */
    byte[] encodePrefix(Object[] values) {
        return KeyEncoding.encode(values, blankPadded);
    }

    /** The number of key columns. */
    int width() {
        return keyColumns.length;
    }

    /** The position in the row of the key's {@code i}th column. */
    int keyColumn(int i) {
        return keyColumns[i];
    }

    int[] keyColumns() {
        return keyColumns.clone();
    }

    /** Returns the ids of the rows that may have a version with this key. */
    long[] ids(RowKey key) {
        long[] ids = entries.lookup(encode(key));
        return ids.length == 0 ? NO_IDS : ids;
    }

    /** A cursor over the entries of a range of keys, given as encoded prefixes (null: unbounded). */
    BTreeCursor scan(byte[] lower, boolean lowerInclusive, byte[] upper, boolean upperInclusive, boolean descending) {
        return entries.cursor(lower, lowerInclusive, upper, upperInclusive, descending);
    }

    private void insert(byte[] key, long rowId) {
        if (key.length > KeyEncoding.MAX_KEY) {
            throw new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED, Severity.ERROR,
                    "index row size " + (key.length + 16) + " exceeds btree version 4 maximum 2704 for index \""
                            + constraintName + "\"", null, null, 0, null);
        }
        entries.insert(key, rowId);
    }

    /**
     * Adds {@code rowId} under {@code key} unless another row holds the key; returns null when it
     * was added, else the conflict.
     *
     * @param newest returns the newest version of a row by id, or null when the row is gone
     * @param self   the id of the transaction that adds
     */
    Conflict add(RowKey key, long rowId, long self, LongFunction<RowVersion> newest, TransactionTable transactions) {
        byte[] encoded = encode(key);
        if (!unique || key.hasNull()) {
            insert(encoded, rowId);
            return null;
        }
        // the check and the insert are one step against other inserters of the key
        entries.lockWriters();
        try {
            Conflict conflict = null;
            for (long id : entries.lookup(encoded)) {
                if (id == rowId) {
                    continue;
                }
                RowVersion head = newest.apply(id);
                if (head == null) {
                    entries.delete(encoded, id);
                    continue;
                }
                Conflict found = conflictWith(head, key, self, transactions);
                if (found != null && conflict == null) {
                    conflict = found;
                }
            }
            if (conflict == null) {
                insert(encoded, rowId);
            }
            return conflict;
        } finally {
            entries.unlockWriters();
        }
    }

    /** Whether the row whose newest version is {@code head} holds {@code key} against a new row of transaction {@code self}. */
    private Conflict conflictWith(RowVersion head, RowKey key, long self, TransactionTable transactions) {
        boolean sameKey = hasKey(head.values(), key);
        long creator = head.xmin;
        boolean creatorRunning = creator != self && creator != RowVersion.FROZEN && transactions.isRunning(creator);
        if (!sameKey) {
            // the key moved away; it comes back if the transaction that moved it rolls back
            return creatorRunning ? Conflict.waitFor(creator) : null;
        }
        long deleter = head.xmax();
        if (deleter != RowVersion.NONE) {
            if (deleter == self) {
                return null;
            }
            return transactions.isRunning(deleter) ? Conflict.waitFor(deleter) : null;
        }
        return creatorRunning ? Conflict.waitFor(creator) : new Conflict(true, 0, this);
    }

    /** Removes one row id from a key, as a rolled-back insert or key change needs. */
    void remove(RowKey key, long rowId) {
        entries.delete(encode(key), rowId);
    }

    /** Puts a row under its key without checks, for recovery and rebuilding. */
    void put(RowKey key, long rowId) {
        insert(encode(key), rowId);
    }

    /**
     * Drops the entries of rows that are gone or none of whose versions has the entry's key any
     * more; {@code newest} returns a row's newest version by id, null when it is gone.
     */
    void prune(LongFunction<RowVersion> newest) {
        List<byte[]> deadKeys = new ArrayList<>();
        List<Long> deadIds = new ArrayList<>();
        BTreeCursor cursor = entries.cursor(null, true, null, true, false);
        while (cursor.next()) {
            if (!stillHas(newest, cursor.key(), cursor.rowId())) {
                deadKeys.add(cursor.key());
                deadIds.add(cursor.rowId());
            }
        }
        if (deadKeys.isEmpty()) {
            return;
        }
        entries.lockWriters();
        try {
            for (int i = 0; i < deadKeys.size(); i++) {
                // judged again, as the row may have taken the key back meanwhile
                if (!stillHas(newest, deadKeys.get(i), deadIds.get(i))) {
                    entries.delete(deadKeys.get(i), deadIds.get(i));
                }
            }
        } finally {
            entries.unlockWriters();
        }
    }

    private boolean stillHas(LongFunction<RowVersion> newest, byte[] key, long rowId) {
        for (RowVersion version = newest.apply(rowId); version != null; version = version.older()) {
            if (Arrays.equals(encode(keyOf(version.values())), key)) {
                return true;
            }
        }
        return false;
    }
}
