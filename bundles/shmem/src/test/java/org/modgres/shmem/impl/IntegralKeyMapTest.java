package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** The primitive map of integer keys to row ids behind a one-column key index. */
class IntegralKeyMapTest {

    private static long[] put(long[] ids, long id) {
        if (ids == null) {
            return new long[] {id};
        }
        long[] more = java.util.Arrays.copyOf(ids, ids.length + 1);
        more[ids.length] = id;
        return more;
    }

    @Test
    void keys_keep_one_or_several_ids_through_growth_removal_and_reinsertion() {
        IntegralKeyMap map = new IntegralKeyMap();
        for (long key = -5000; key < 5000; key++) {
            long id = key + 10_000;
            map.compute(key, ids -> put(ids, id));
        }
        map.compute(0, ids -> put(ids, 77));
        map.compute(Long.MIN_VALUE, ids -> put(ids, 5));
        assertArrayEquals(new long[] {10_000, 77}, map.get(0), "a second id");
        assertArrayEquals(new long[] {5}, map.get(Long.MIN_VALUE));
        assertArrayEquals(new long[] {14_999}, map.get(4999));
        assertNull(map.get(5000), "a key never put");
        map.compute(0, ids -> new long[] {77});
        assertArrayEquals(new long[] {77}, map.get(0), "back to one id");
        for (long key = -5000; key < 5000; key += 2) {
            map.compute(key, ids -> null);
        }
        assertNull(map.get(-5000), "removed");
        assertArrayEquals(new long[] {14_999}, map.get(4999), "kept");
        map.compute(-5000, ids -> put(ids, 1));
        assertArrayEquals(new long[] {1}, map.get(-5000), "a removed key comes back");
        Set<Long> keys = new HashSet<>();
        map.retainIf((key, id) -> keys.add(key) || true);
        assertEquals(5000 + 2, keys.size(), "the odd keys, -5000 and Long.MIN_VALUE");
        map.compute(1, ids -> put(ids, 2));
        map.retainIf((key, id) -> key != 3 && id != 10_001);
        assertNull(map.get(3), "dropped");
        assertArrayEquals(new long[] {2}, map.get(1), "one of two ids dropped");
        assertArrayEquals(new long[] {10_005}, map.get(5), "kept");
    }

    @Test
    void readers_find_every_key_while_writers_grow_the_map() throws Exception {
        IntegralKeyMap map = new IntegralKeyMap();
        int stable = 2000;
        for (long key = 0; key < stable; key++) {
            long id = key + 1;
            map.compute(key, ids -> put(ids, id));
        }
        AtomicBoolean stop = new AtomicBoolean();
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            Future<Long> misses = threads.submit(() -> {
                long missed = 0;
                while (!stop.get()) {
                    for (long key = 0; key < stable; key++) {
                        long[] ids = map.get(key);
                        if (ids == null || ids[0] != key + 1) {
                            missed++;
                        }
                    }
                }
                return missed;
            });
            Future<?> writer = threads.submit(() -> {
                for (long key = stable; key < 200_000; key++) {
                    long id = key + 1;
                    map.compute(key, ids -> put(ids, id));
                    if (key % 3 == 0) {
                        map.compute(key, ids -> null);
                    }
                    map.compute(key % stable, ids -> put(ids, 0x7fff_0000L + id));
                    map.compute(key % stable, ids -> new long[] {ids[0]});
                }
            });
            writer.get(60, TimeUnit.SECONDS);
            stop.set(true);
            assertEquals(0L, misses.get(60, TimeUnit.SECONDS), "no stable key was ever missed");
        }
        assertNull(map.get(3000));
        assertArrayEquals(new long[] {3002}, map.get(3001));
    }
}
