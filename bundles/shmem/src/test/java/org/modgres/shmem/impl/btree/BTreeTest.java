package org.modgres.shmem.impl.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.modgres.shmem.impl.page.BufferPool;
import org.modgres.shmem.impl.page.MemoryPageFiles;

/** The B-tree against a sorted-set model: splits, duplicates, ranges both ways, eviction, concurrent readers. */
class BTreeTest {

    /** An entry of the model: key bytes and row id, ordered as the tree orders its entries. */
    private record Entry(byte[] key, long rowId) {
        byte[] bytes() {
            return BTree.entry(key, rowId);
        }
    }

    private static final Comparator<Entry> ORDER = (a, b) -> Arrays.compareUnsigned(a.bytes(), b.bytes());

    private static BTree tree(int frames) {
        return new BTree(new BufferPool(frames, new MemoryPageFiles(), Arena.ofAuto()), 1);
    }

    private static byte[] intKey(long value) {
        return KeyEncoding.encodeIntegral(value);
    }

    private static byte[] textKey(String text) {
        return KeyEncoding.encode(new Object[] {text}, null);
    }

    private static List<Entry> all(BTreeCursor cursor) {
        List<Entry> entries = new ArrayList<>();
        while (cursor.next()) {
            entries.add(new Entry(cursor.key(), cursor.rowId()));
        }
        return entries;
    }

    private static void assertSameEntries(List<Entry> expected, List<Entry> actual) {
        assertEquals(expected.size(), actual.size(), "number of entries");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).key(), actual.get(i).key(), "key at " + i);
            assertEquals(expected.get(i).rowId(), actual.get(i).rowId(), "row id at " + i);
        }
    }

    private static long[] idsOf(NavigableSet<Entry> model, byte[] key) {
        return model.subSet(new Entry(key, 0), true, new Entry(key, Long.MAX_VALUE), true).stream()
                .mapToLong(Entry::rowId).toArray();
    }

    @Test
    void random_inserts_and_deletes_match_a_sorted_set_through_many_levels() {
        BTree tree = tree(64);
        NavigableSet<Entry> model = new TreeSet<>(ORDER);
        Random random = new Random(42);
        List<Entry> inserted = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            if (random.nextInt(4) == 0 && !inserted.isEmpty()) {
                Entry gone = inserted.remove(random.nextInt(inserted.size()));
                assertEquals(model.remove(gone), tree.delete(gone.key(), gone.rowId()));
            } else {
                // long keys make the tree tall; few distinct ones make duplicates
                String text = "k" + random.nextInt(5_000) + "x".repeat(random.nextInt(120));
                Entry entry = new Entry(textKey(text), random.nextInt(1_000_000) + 1);
                boolean added = model.add(entry);
                assertEquals(added, tree.insert(entry.key(), entry.rowId()));
                if (added) {
                    inserted.add(entry);
                }
            }
        }
        assertTrue(tree.height() >= 3, "height " + tree.height());
        assertSameEntries(new ArrayList<>(model), all(tree.cursor(null, true, null, true, false)));
        assertSameEntries(new ArrayList<>(model.descendingSet()), all(tree.cursor(null, true, null, true, true)));
        for (Entry entry : inserted.subList(0, 500)) {
            assertArrayEquals(idsOf(model, entry.key()), tree.lookup(entry.key()));
        }
        assertEquals(0, tree.lookup(textKey("absent")).length);
        assertFalse(tree.delete(textKey("absent"), 1));
    }

    @Test
    void duplicates_of_a_key_span_leaves_and_come_in_row_id_order() {
        BTree tree = tree(32);
        byte[] key = intKey(7);
        for (long id = 5_000; id >= 1; id--) {
            tree.insert(key, id);
            tree.insert(intKey(6), id);
            tree.insert(intKey(8), id);
        }
        long[] ids = tree.lookup(key);
        assertEquals(5_000, ids.length);
        for (int i = 0; i < ids.length; i++) {
            assertEquals(i + 1, ids[i]);
        }
        assertFalse(tree.insert(key, 17), "an entry is there once");
        for (long id = 1; id <= 5_000; id += 2) {
            assertTrue(tree.delete(key, id));
        }
        assertEquals(2_500, tree.lookup(key).length);
    }

    @Test
    void emptied_leaves_are_skipped_both_ways() {
        BTree tree = tree(32);
        for (long k = 0; k < 20_000; k++) {
            tree.insert(intKey(k), k + 1);
        }
        for (long k = 100; k < 19_900; k++) {
            tree.delete(intKey(k), k + 1);
        }
        List<Entry> ascending = all(tree.cursor(null, true, null, true, false));
        assertEquals(200, ascending.size());
        assertEquals(99, ascending.get(99).rowId() - 1);
        assertEquals(19_900, ascending.get(100).rowId() - 1);
        List<Entry> descending = all(tree.cursor(null, true, null, true, true));
        assertEquals(200, descending.size());
        assertEquals(19_999, descending.getFirst().rowId() - 1);
        assertEquals(0, descending.getLast().rowId() - 1);
        assertEquals(0, all(tree.cursor(intKey(100), true, intKey(19_899), true, true)).size());
        assertEquals(0, all(tree.cursor(intKey(100), true, intKey(19_899), true, false)).size());
    }

    @Test
    void ranges_with_inclusive_exclusive_and_prefix_bounds_in_both_directions() {
        BTree tree = tree(64);
        NavigableSet<Entry> model = new TreeSet<>(ORDER);
        long id = 1;
        for (int a = 0; a < 60; a++) {
            for (int b = 0; b < 40; b++) {
                Object[] key = {a % 7 == 3 ? null : a, b % 9 == 4 ? null : "v" + b};
                Entry entry = new Entry(KeyEncoding.encode(key, null), id++);
                model.add(entry);
                tree.insert(entry.key(), entry.rowId());
            }
        }
        Random random = new Random(7);
        for (int round = 0; round < 400; round++) {
            byte[] lower = random.nextInt(5) == 0 ? null : bound(random);
            byte[] upper = random.nextInt(5) == 0 ? null : bound(random);
            boolean lowerInclusive = random.nextBoolean();
            boolean upperInclusive = random.nextBoolean();
            List<Entry> expected = new ArrayList<>();
            for (Entry entry : model) {
                if (above(entry, lower, lowerInclusive) && below(entry, upper, upperInclusive)) {
                    expected.add(entry);
                }
            }
            assertSameEntries(expected, all(tree.cursor(lower, lowerInclusive, upper, upperInclusive, false)));
            List<Entry> reversed = new ArrayList<>(expected);
            java.util.Collections.reverse(reversed);
            assertSameEntries(reversed, all(tree.cursor(lower, lowerInclusive, upper, upperInclusive, true)));
        }
    }

    /** A bound on the first column only, or on both. */
    private static byte[] bound(Random random) {
        int a = random.nextInt(62) - 1;
        return random.nextBoolean() ? KeyEncoding.encode(new Object[] {a}, null)
                : KeyEncoding.encode(new Object[] {a, "v" + random.nextInt(40)}, null);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean above(Entry entry, byte[] lower, boolean inclusive) {
        if (lower == null) {
            return true;
        }
        if (startsWith(entry.key(), lower)) {
            return inclusive;
        }
        return Arrays.compareUnsigned(entry.key(), lower) > 0;
    }

    private static boolean below(Entry entry, byte[] upper, boolean inclusive) {
        if (upper == null) {
            return true;
        }
        if (startsWith(entry.key(), upper)) {
            return inclusive;
        }
        return Arrays.compareUnsigned(entry.key(), upper) < 0;
    }

    @Test
    void a_pool_much_smaller_than_the_tree_evicts_and_reads_pages_back() {
        BTree tree = tree(16);
        Random random = new Random(3);
        long[] keys = random.longs(40_000).toArray();
        for (int i = 0; i < keys.length; i++) {
            tree.insert(intKey(keys[i]), i + 1);
        }
        assertTrue(tree.pages() > 100, "pages " + tree.pages());
        for (int i = 0; i < keys.length; i += 7) {
            assertArrayEquals(new long[] {i + 1}, tree.lookup(intKey(keys[i])));
        }
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        int i = 0;
        BTreeCursor cursor = tree.cursor(null, true, null, true, false);
        while (cursor.next()) {
            assertArrayEquals(intKey(sorted[i++]), cursor.key());
        }
        assertEquals(keys.length, i);
    }

    @Test
    void readers_never_miss_a_stable_key_while_a_writer_splits_pages() throws Exception {
        BTree tree = tree(256);
        int stable = 20_000;
        for (long k = 0; k < stable; k++) {
            tree.insert(intKey(k * 4), k + 1);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            int seed = r;
            readers.add(Thread.ofPlatform().start(() -> {
                Random random = new Random(seed);
                while (writing.get()) {
                    long k = random.nextInt(stable);
                    long[] ids = tree.lookup(intKey(k * 4));
                    if (ids.length != 1 || ids[0] != k + 1) {
                        problems.add("lookup of " + k * 4 + " found " + Arrays.toString(ids));
                    }
                    long from = random.nextInt(stable - 200);
                    BTreeCursor cursor = tree.cursor(intKey(from * 4), true, intKey((from + 100) * 4), false,
                            seed % 2 == 0);
                    int found = 0;
                    while (cursor.next()) {
                        if (cursor.rowId() <= stable) {
                            found++;
                        }
                    }
                    if (found != 100) {
                        problems.add("range from " + from * 4 + " found " + found + " stable keys");
                    }
                }
            }));
        }
        Random random = new Random(11);
        for (int i = 0; i < 60_000; i++) {
            long k = random.nextInt(stable * 4);
            if (k % 4 != 0) {
                // many entries per gap, so leaves split over and over
                tree.insert(intKey(k), stable + 1 + i);
            }
        }
        writing.set(false);
        for (Thread reader : readers) {
            reader.join();
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems, first: " + problems.peek());
    }
}
