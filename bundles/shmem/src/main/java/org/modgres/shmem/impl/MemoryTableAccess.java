package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.modgres.api.storage.ForeignKeyReference;
import org.modgres.api.storage.RowLockWait;
import org.modgres.api.storage.KeyRange;
import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.TableLockMode;
import org.modgres.shmem.impl.btree.BTreeCursor;
import org.modgres.shmem.impl.codec.ValueCodec;

/**
 * One transaction's view of an in-memory table: scans return the versions its snapshot sees;
 * changes go through the transaction, which locks, logs and undoes them.
 */
final class MemoryTableAccess implements TableAccess {

    private final MemoryTable table;
    private final MemoryTransaction transaction;
    private final MemoryCatalog catalog;
    /** The strongest of ROW SHARE and ROW EXCLUSIVE this access took already, or null: rows change one at a time. */
    private TableLockMode rowLock;

    MemoryTableAccess(MemoryTable table, MemoryTransaction transaction, MemoryCatalog catalog) {
        this.table = table;
        this.transaction = transaction;
        this.catalog = catalog;
    }

    @Override
    public TableInfo info() {
        return table.info();
    }

    @Override
    public RowScan scan() {
        transaction.checkActive();
        return new SnapshotScan(table.rows().cursor(), transaction.snapshot(), transaction.xid());
    }

    @Override
    public RowScan lookup(Object[] key) {
        transaction.checkActive();
        RowKey wanted = table.lookupKey(key);
        KeyIndex index = table.primaryKey();
        Snapshot snapshot = transaction.snapshot();
        long self = transaction.xid();
        for (long rowId : index.ids(wanted)) {
            RowVersion newest = table.newest(rowId);
            RowVersion visible = newest == null ? null : snapshot.visible(newest, self);
            if (visible != null) {
                Object[] values = visible.values();
                if (index.hasKey(values, wanted)) {
                    return new SingleRowScan(rowId, values);
                }
            }
        }
        return new SingleRowScan(0, null);
    }

    @Override
    public RowScan lookup(List<Integer> columns, Object[] values) {
        List<Integer> primaryKey = table.info().primaryKey();
        if (table.primaryKey() != null && (columns == primaryKey || columns.equals(primaryKey))) {
            // the commonest lookup, by the primary key in key order, allocates least this way
            return lookup(values);
        }
        transaction.checkActive();
        return lookupAt(transaction.snapshot(), columns, values);
    }

    @Override
    public RowScan lookupCrossChecked(List<Integer> columns, Object[] values) {
        transaction.checkActive();
        ListScan asOfSnapshot = lookupAt(transaction.snapshot(), columns, values);
        ListScan asOfNow = lookupAt(transaction.latestSnapshot(), columns, values);
        if (!asOfSnapshot.rowIds.equals(asOfNow.rowIds)) {
            throw transaction.concurrentUpdate();
        }
        return asOfSnapshot;
    }

    private ListScan lookupAt(Snapshot snapshot, List<Integer> columns, Object[] values) {
        List<Long> rowIds = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (Object value : values) {
            if (value == null) {
                return new ListScan(rowIds, rows);
            }
        }
        TableInfo info = table.info();
        Object[] probe = new Object[info.columns().size()];
        for (int i = 0; i < values.length; i++) {
            int position = columns.get(i);
            probe[position] = ValueCodec.canonical(info.columns().get(position).type().type(), values[i]);
        }
        long self = transaction.xid();
        KeyIndex index = indexOn(columns);
        if (index == null) {
            try (RowScan scan = new SnapshotScan(table.rows().cursor(), snapshot, self)) {
                while (scan.next()) {
                    if (sameValues(scan.row(), probe, columns)) {
                        rowIds.add(scan.rowId());
                        rows.add(scan.row());
                    }
                }
            }
            return new ListScan(rowIds, rows);
        }
        RowKey wanted = index.keyOf(probe);
        for (long rowId : index.ids(wanted)) {
            RowVersion newest = table.newest(rowId);
            RowVersion visible = newest == null ? null : snapshot.visible(newest, self);
            if (visible != null) {
                Object[] found = visible.values();
                if (index.hasKey(found, wanted)) {
                    rowIds.add(rowId);
                    rows.add(found);
                }
            }
        }
        return new ListScan(rowIds, rows);
    }

    @Override
    public RowScan scanIndex(List<Integer> columns, KeyRange range, boolean descending) {
        transaction.checkActive();
        KeyIndex index = table.indexStartingWith(columns);
        if (index == null) {
            throw new IllegalArgumentException("no index of " + table.info().name() + " starts with columns " + columns);
        }
        byte[][] lower;
        byte[][] upper;
        try {
            lower = boundPrefixes(index, columns, range.lower());
            upper = boundPrefixes(index, columns, range.upper());
        } catch (IllegalArgumentException e) {
            // a bound of another class than its column (2.5 for an integer): compared by value, in a sort
            return sortedScan(columns, range, descending);
        }
        BTreeCursor cursor = index.scan(lower == null ? null : lower[lower.length - 1], range.lowerInclusive(),
                upper == null ? null : upper[upper.length - 1], range.upperInclusive(), descending);
        return new IndexScan(table, index, cursor, lower, upper, transaction.snapshot(), transaction.xid());
    }

    /** The encodings of a bound's first 1, 2, ... values, in the classes of their columns; null for no bound. */
    private byte[][] boundPrefixes(KeyIndex index, List<Integer> columns, Object[] bound) {
        if (bound == null) {
            return null;
        }
        Object[] values = canonicalBound(columns, bound);
        byte[][] prefixes = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            prefixes[i] = index.encodePrefix(Arrays.copyOf(values, i + 1));
        }
        return prefixes;
    }

    /** A bound's values in the classes of their columns, so that they encode as the keys do. */
    private Object[] canonicalBound(List<Integer> columns, Object[] bound) {
        TableInfo info = table.info();
        Object[] values = new Object[bound.length];
        for (int i = 0; i < bound.length; i++) {
            values[i] = ValueCodec.canonical(info.columns().get(columns.get(i)).type().type(), bound[i]);
        }
        return values;
    }

    /** The rows of a range sorted from a scan, for bounds the index cannot encode. */
    private RowScan sortedScan(List<Integer> columns, KeyRange range, boolean descending) {
        List<Long> rowIds = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        try (RowScan scan = new SnapshotScan(table.rows().cursor(), transaction.snapshot(), transaction.xid())) {
            while (scan.next()) {
                if (KeyOrder.inRange(scan.row(), columns, range)) {
                    rowIds.add(scan.rowId());
                    rows.add(scan.row());
                }
            }
        }
        Comparator<Object[]> order = KeyOrder.rows(columns);
        Integer[] positions = new Integer[rows.size()];
        Arrays.setAll(positions, i -> i);
        Arrays.sort(positions, (left, right) -> order.compare(rows.get(left), rows.get(right)));
        if (descending) {
            Collections.reverse(Arrays.asList(positions));
        }
        List<Long> sortedIds = new ArrayList<>(positions.length);
        List<Object[]> sortedRows = new ArrayList<>(positions.length);
        for (int position : positions) {
            sortedIds.add(rowIds.get(position));
            sortedRows.add(rows.get(position));
        }
        return new ListScan(sortedIds, sortedRows);
    }

    /**
     * The rows of a range of an index's keys, in key order: for each entry, the version of its
     * row the snapshot sees, when that version still has the entry's key (the index keeps old
     * keys until vacuum), so each row comes once, under its visible key.
     */
    private static final class IndexScan implements RowScan {
        private final MemoryTable table;
        private final KeyIndex index;
        private final BTreeCursor cursor;
        private final byte[][] lower;
        private final byte[][] upper;
        private final Snapshot snapshot;
        private final long self;
        private long rowId;
        private Object[] values;

        IndexScan(MemoryTable table, KeyIndex index, BTreeCursor cursor, byte[][] lower, byte[][] upper,
                  Snapshot snapshot, long self) {
            this.table = table;
            this.index = index;
            this.cursor = cursor;
            this.lower = lower;
            this.upper = upper;
            this.snapshot = snapshot;
            this.self = self;
        }

        @Override
        public boolean next() {
            while (cursor.next()) {
                long id = cursor.rowId();
                RowVersion newest = table.newest(id);
                RowVersion visible = newest == null ? null : snapshot.visible(newest, self);
                if (visible == null) {
                    continue;
                }
                Object[] found = visible.values();
                if (!cursor.keyEquals(index.encode(index.keyOf(found))) || nullInBoundedColumn(found)) {
                    continue;
                }
                rowId = id;
                values = found;
                return true;
            }
            values = null;
            return false;
        }

        /**
         * Whether a bound reaches a NULL of the row: the index keeps NULLs after every value, but
         * no comparison with NULL is true, so such a row lies outside the range.
         */
        private boolean nullInBoundedColumn(Object[] row) {
            return reachesNull(row, lower) || reachesNull(row, upper);
        }

        /** Whether the row's key equals the bound up to a NULL of the row; {@code prefixes[i]} encodes i + 1 values. */
        private boolean reachesNull(Object[] row, byte[][] prefixes) {
            if (prefixes == null) {
                return false;
            }
            for (int i = 0; i < prefixes.length; i++) {
                if (row[index.keyColumn(i)] == null) {
                    return true;
                }
                if (!cursor.keyStartsWith(prefixes[i])) {
                    return false;
                }
            }
            return false;
        }

        @Override
        public Object[] row() {
            return values;
        }

        @Override
        public long rowId() {
            return rowId;
        }

        @Override
        public void close() {
            values = null;
        }
    }

    /** The rows an index lookup found, in the index's order. */
    private static final class ListScan implements RowScan {
        private final List<Long> rowIds;
        private final List<Object[]> rows;
        private int position = -1;

        ListScan(List<Long> rowIds, List<Object[]> rows) {
            this.rowIds = rowIds;
            this.rows = rows;
        }

        @Override
        public boolean next() {
            return ++position < rows.size();
        }

        @Override
        public Object[] row() {
            return rows.get(position);
        }

        @Override
        public long rowId() {
            return rowIds.get(position);
        }

        @Override
        public void close() {
            position = rows.size();
        }
    }

    /** Returns the index of the primary key or UNIQUE constraint on exactly these columns, or null. */
    private KeyIndex indexOn(List<Integer> columns) {
        Set<Integer> wanted = Set.copyOf(columns);
        for (KeyIndex index : table.keyIndexes()) {
            int[] keyColumns = index.keyColumns();
            if (keyColumns.length == wanted.size()
                    && Arrays.stream(keyColumns).allMatch(wanted::contains)) {
                return index;
            }
        }
        return null;
    }

    private static boolean sameValues(Object[] row, Object[] probe, List<Integer> columns) {
        for (int position : columns) {
            if (!RowKey.ofValues(new Object[] {row[position]}).equals(RowKey.ofValues(new Object[] {probe[position]}))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<ForeignKeyReference> referencingKeys() {
        TableInfo target = table.info();
        return catalog.foreignKeysTo(target.schema(), target.name());
    }

    @Override
    public void insert(Object[] row) {
        lockFor(TableLockMode.ROW_EXCLUSIVE);
        transaction.rowChanges().insert(table, row.clone());
    }

    @Override
    public void update(long rowId, Object[] newRow) {
        lockFor(TableLockMode.ROW_EXCLUSIVE);
        transaction.rowChanges().update(table, rowId, newRow.clone());
    }

    @Override
    public boolean lock(long rowId, RowLockWait wait) {
        lockFor(TableLockMode.ROW_SHARE);
        return transaction.rowChanges().lock(table, rowId, wait, false) == RowLock.LOCKED;
    }

    @Override
    public boolean lockShared(long rowId, RowLockWait wait) {
        lockFor(TableLockMode.ROW_SHARE);
        return transaction.rowChanges().lock(table, rowId, wait, true) == RowLock.LOCKED;
    }

    @Override
    public boolean delete(long rowId) {
        lockFor(TableLockMode.ROW_EXCLUSIVE);
        return transaction.rowChanges().delete(table, rowId);
    }

    /** Takes the table lock that changing (ROW EXCLUSIVE) or locking (ROW SHARE) rows needs, once per access. */
    private void lockFor(TableLockMode mode) {
        if (rowLock == null || rowLock.ordinal() < mode.ordinal()) {
            transaction.lock(table, mode, false);
            rowLock = mode;
        }
    }

    /** The rows of a table a snapshot sees, in row-id order. */
    private static final class SnapshotScan implements RowScan {
        private final RowStore.Cursor rows;
        private final Snapshot snapshot;
        private final long self;
        private long rowId;
        private Object[] values;

        SnapshotScan(RowStore.Cursor rows, Snapshot snapshot, long self) {
            this.rows = rows;
            this.snapshot = snapshot;
            this.self = self;
        }

        @Override
        public boolean next() {
            while (rows.next()) {
                RowVersion visible = snapshot.visible(rows.version(), self);
                if (visible != null) {
                    rowId = rows.id();
                    values = visible.values();
                    return true;
                }
            }
            values = null;
            return false;
        }

        @Override
        public Object[] row() {
            return values;
        }

        @Override
        public long rowId() {
            return rowId;
        }

        @Override
        public void close() {
            values = null;
        }
    }

    /** A scan over at most one row, found through the primary key. */
    private static final class SingleRowScan implements RowScan {
        private final long rowId;
        private Object[] pending;
        private Object[] values;

        SingleRowScan(long rowId, Object[] values) {
            this.rowId = rowId;
            this.pending = values;
        }

        @Override
        public boolean next() {
            values = pending;
            pending = null;
            return values != null;
        }

        @Override
        public Object[] row() {
            return values;
        }

        @Override
        public long rowId() {
            return rowId;
        }

        @Override
        public void close() {
            pending = null;
            values = null;
        }
    }
}
