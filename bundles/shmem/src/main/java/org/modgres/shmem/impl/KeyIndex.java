package org.modgres.shmem.impl;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * The index of a table's primary key or of one of its UNIQUE constraints: each key maps to the
 * ids of the rows that have, or had, a version with that key. Several rows share a key while a
 * deleted row waits for vacuum or a key was changed; uniqueness is judged on the newest versions,
 * with PostgreSQL's rule that a key held by a running transaction makes the inserter wait for it.
 * A key with a NULL in it is never indexed, so it never clashes, as in PostgreSQL.
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
    private final ConcurrentHashMap<RowKey, long[]> entries = new ConcurrentHashMap<>();
    /** The entries of integer keys, the usual primary key; null for a key of several columns. */
    private final IntegralKeyMap integralEntries;

    /** A unique index, of a primary key, a UNIQUE constraint or a UNIQUE index. */
    KeyIndex(String constraintName, int[] keyColumns) {
        this(constraintName, keyColumns, true);
    }

    KeyIndex(String constraintName, int[] keyColumns, boolean unique) {
        this.constraintName = constraintName;
        this.keyColumns = keyColumns.clone();
        this.unique = unique;
        this.integralEntries = keyColumns.length == 1 ? new IntegralKeyMap() : null;
    }

    /** The name of the constraint the index enforces, as its violations name it. */
    String constraintName() {
        return constraintName;
    }

    RowKey keyOf(Object[] values) {
        return RowKey.of(values, keyColumns);
    }

    /** Returns whether the row has this key. */
    boolean hasKey(Object[] row, RowKey key) {
        return key.matches(row, keyColumns);
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
        long[] ids = key instanceof RowKey.Integral integral && integralEntries != null
                ? integralEntries.get(integral.value()) : entries.get(key);
        return ids == null ? NO_IDS : ids;
    }

    /** Replaces the ids under a key with what {@code change} makes of them, null for none, as one step. */
    private void compute(RowKey key, UnaryOperator<long[]> change) {
        if (key instanceof RowKey.Integral integral && integralEntries != null) {
            integralEntries.compute(integral.value(), change);
        } else {
            entries.compute(key, (k, ids) -> change.apply(ids));
        }
    }

    /**
     * Adds {@code rowId} under {@code key} unless another row holds the key; returns null when it
     * was added, else the conflict.
     *
     * @param newest returns the newest version of a row by id, or null when the row is gone
     * @param self   the id of the transaction that adds
     */
    Conflict add(RowKey key, long rowId, long self, LongFunction<RowVersion> newest, TransactionTable transactions) {
        if (key.hasNull()) {
            return null;
        }
        if (!unique) {
            put(key, rowId);
            return null;
        }
        Conflict[] conflict = new Conflict[1];
        compute(key, ids -> {
            if (ids == null) {
                return new long[] {rowId};
            }
            long[] kept = new long[ids.length + 1];
            int n = 0;
            for (long id : ids) {
                if (id == rowId) {
                    continue;
                }
                RowVersion head = newest.apply(id);
                if (head == null) {
                    continue;
                }
                Conflict found = conflictWith(head, key, self, transactions);
                if (found != null && conflict[0] == null) {
                    conflict[0] = found;
                }
                kept[n++] = id;
            }
            if (conflict[0] == null) {
                kept[n++] = rowId;
            }
            return Arrays.copyOf(kept, n);
        });
        return conflict[0];
    }

    /** Whether the row whose newest version is {@code head} holds {@code key} against a new row of transaction {@code self}. */
    private Conflict conflictWith(RowVersion head, RowKey key, long self, TransactionTable transactions) {
        boolean sameKey = keyOf(head.values()).equals(key);
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
        if (key.hasNull()) {
            return;
        }
        compute(key, ids -> {
            if (ids == null) {
                return null;
            }
            int at = -1;
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] == rowId) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                return ids;
            }
            if (ids.length == 1) {
                return null;
            }
            long[] rest = new long[ids.length - 1];
            System.arraycopy(ids, 0, rest, 0, at);
            System.arraycopy(ids, at + 1, rest, at, ids.length - at - 1);
            return rest;
        });
    }

    /** Puts a row under its key without checks, for recovery and rebuilding. */
    void put(RowKey key, long rowId) {
        if (key.hasNull()) {
            return;
        }
        compute(key, ids -> {
            if (ids == null) {
                return new long[] {rowId};
            }
            for (long id : ids) {
                if (id == rowId) {
                    return ids;
                }
            }
            long[] more = Arrays.copyOf(ids, ids.length + 1);
            more[ids.length] = rowId;
            return more;
        });
    }

    /**
     * Drops the ids of rows that are gone or whose every version has another key; {@code keysOf}
     * tells whether a row id still has a version with the key.
     */
    void prune(BiPredicate<RowKey, Long> stillHas) {
        for (RowKey key : entries.keySet()) {
            prune(key, stillHas);
        }
        if (integralEntries != null) {
            integralEntries.retainIf((key, rowId) -> stillHas.test(new RowKey.Integral(key), rowId));
        }
    }

    private void prune(RowKey key, BiPredicate<RowKey, Long> stillHas) {
        compute(key, ids -> {
            if (ids == null) {
                return null;
            }
            long[] kept = new long[ids.length];
            int n = 0;
            for (long id : ids) {
                if (stillHas.test(key, id)) {
                    kept[n++] = id;
                }
            }
            return n == 0 ? null : n == ids.length ? ids : Arrays.copyOf(kept, n);
        });
    }
}
