package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.KeyRange;
import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableIndex;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** Ordered index scans read the B-tree: visible versions under their current keys, in key order, each row once. */
class IndexScanTest {

    private static final List<Integer> A_B = List.of(1, 2);

    private static StorageEngine withTable() {
        StorageEngine engine = StorageEngine.inMemory();
        Transaction t = engine.begin();
        t.createTable(new TableDefinition("public", "t", List.of(
                new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                new ColumnInfo("a", ColumnType.of(PgType.INT8), false),
                new ColumnInfo("b", ColumnType.of(PgType.TEXT), false)), List.of(0)));
        t.createIndex("public", "t", new TableIndex("t_a_b", A_B, false));
        t.commit();
        return engine;
    }

    private static List<Object[]> scan(Transaction t, List<Integer> columns, KeyRange range, boolean descending) {
        List<Object[]> rows = new ArrayList<>();
        try (RowScan scan = t.table("public", "t").scanIndex(columns, range, descending)) {
            while (scan.next()) {
                rows.add(scan.row());
            }
        }
        return rows;
    }

    /** What the scan should return: the visible rows in range, sorted by the columns then as the index ties them. */
    private static List<Object[]> expected(Transaction t, List<Integer> columns, KeyRange range, boolean descending) {
        List<Object[]> rows = new ArrayList<>();
        try (RowScan scan = t.table("public", "t").scan()) {
            while (scan.next()) {
                if (KeyOrder.inRange(scan.row(), columns, range)) {
                    rows.add(scan.row());
                }
            }
        }
        rows.sort(KeyOrder.rows(columns));
        if (descending) {
            Collections.reverse(rows);
        }
        return rows;
    }

    /** Compares on the scanned columns only: rows with equal keys come in no particular order. */
    private static void assertSameKeys(List<Object[]> expected, List<Object[]> actual, List<Integer> columns) {
        assertEquals(expected.size(), actual.size(), "rows");
        Comparator<Object[]> order = KeyOrder.rows(columns);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(0, order.compare(expected.get(i), actual.get(i)),
                    Arrays.toString(expected.get(i)) + " vs " + Arrays.toString(actual.get(i)));
        }
        assertEquals(expected.stream().map(r -> r[0]).sorted().toList(),
                actual.stream().map(r -> r[0]).sorted().toList(), "the same rows, each once");
    }

    @Test
    void ranges_follow_key_order_with_nulls_last_and_outside_bounds() {
        StorageEngine engine = withTable();
        Random random = new Random(5);
        Transaction load = engine.begin();
        TableAccess table = load.table("public", "t");
        for (int id = 1; id <= 3_000; id++) {
            Long a = random.nextInt(10) == 0 ? null : (long) random.nextInt(100);
            String b = random.nextInt(10) == 0 ? null : "b" + random.nextInt(30);
            table.insert(new Object[] {id, a, b});
        }
        load.commit();
        Transaction t = engine.begin();
        for (int round = 0; round < 200; round++) {
            Object[] lower = random.nextInt(4) == 0 ? null
                    : random.nextBoolean() ? new Object[] {(long) random.nextInt(100)}
                    : new Object[] {(long) random.nextInt(100), "b" + random.nextInt(30)};
            Object[] upper = random.nextInt(4) == 0 ? null : new Object[] {(long) random.nextInt(100)};
            KeyRange range = new KeyRange(lower, random.nextBoolean(), upper, random.nextBoolean());
            boolean descending = random.nextBoolean();
            List<Integer> columns = lower != null && lower.length == 2 || random.nextBoolean() ? A_B : List.of(1);
            try {
                assertSameKeys(expected(t, columns, range, descending), scan(t, columns, range, descending), columns);
            } catch (AssertionError e) {
                throw new AssertionError(range + " on " + columns + (descending ? " descending" : "") + ": "
                        + e.getMessage(), e);
            }
        }
        assertSameKeys(expected(t, List.of(0), KeyRange.ALL, true), scan(t, List.of(0), KeyRange.ALL, true),
                List.of(0));
        t.commit();
    }

    @Test
    void a_changed_key_shows_under_the_key_each_snapshot_sees_and_once() {
        StorageEngine engine = withTable();
        Transaction load = engine.begin();
        for (int id = 1; id <= 100; id++) {
            load.table("public", "t").insert(new Object[] {id, (long) id, "x"});
        }
        load.commit();
        Transaction old = engine.begin();
        assertEquals(100, scan(old, A_B, KeyRange.ALL, false).size());

        Transaction change = engine.begin();
        TableAccess table = change.table("public", "t");
        try (RowScan scan = table.scanIndex(List.of(1), KeyRange.equalTo(10L), false)) {
            scan.next();
            table.update(scan.rowId(), new Object[] {10, 1000L, "x"});
        }
        change.commit();

        List<Object[]> before = scan(old, List.of(1), new KeyRange(new Object[] {5L}, true, new Object[] {15L}, true),
                false);
        assertEquals(11, before.size(), "the old snapshot sees 10 under its old key");
        assertEquals(10L, before.get(5)[1]);
        Transaction now = engine.begin();
        List<Object[]> all = scan(now, A_B, KeyRange.ALL, true);
        assertEquals(100, all.size());
        assertEquals(1000L, all.getFirst()[1]);
        assertEquals(0, scan(now, List.of(1), KeyRange.equalTo(10L), false).size());
        now.commit();
        old.commit();
        engine.vacuum("public", "t");
        Transaction after = engine.begin();
        assertEquals(100, scan(after, A_B, KeyRange.ALL, false).size());
        assertEquals(1, scan(after, List.of(1), KeyRange.equalTo(1000L), false).size());
        after.commit();
    }
}
