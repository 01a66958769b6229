package org.modgres.shmem.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The row ids of a key index whose key is one integer column, kept without an object per key:
 * open addressing over a {@code long[]} of key and value pairs, so that a point lookup in a large
 * table touches one cache line where a map of boxed keys touches four. A value is the key's one
 * row id, or says that the key is gone or has several ids (kept aside, as they are rare).
 *
 * <p>Readers take no lock. Writers lock one of the segments; a slot's key never changes once
 * written (a removed key leaves a tombstone, dropped when the segment grows), a value is written
 * with release semantics after its key, and a grown segment is published whole, so a reader sees
 * for each key either its ids before a change or after it.
 */
final class IntegralKeyMap {

    private static final int SEGMENT_BITS = 5;
    private static final long EMPTY = 0;
    private static final long REMOVED = -1;
    private static final long SEVERAL = -2;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final Segment[] segments = new Segment[1 << SEGMENT_BITS];

    IntegralKeyMap() {
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new Segment();
        }
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    private Segment segment(long hash) {
        return segments[(int) (hash >>> (64 - SEGMENT_BITS))];
    }

    /** Returns the ids under the key, or null when it has none. */
    long[] get(long key) {
        long hash = mix(key);
        return segment(hash).get(key, (int) hash);
    }

    /**
     * Replaces the ids under the key with what {@code change} makes of them (null for none), as
     * one step against other writers of the key.
     */
    void compute(long key, UnaryOperator<long[]> change) {
        long hash = mix(key);
        segment(hash).compute(key, (int) hash, change);
    }

    /** Whether a row id still belongs under a key. */
    @FunctionalInterface
    interface KeyIdPredicate {
        boolean test(long key, long rowId);
    }

    /** Drops the ids that no longer belong under their keys, one segment at a time. */
    void retainIf(KeyIdPredicate belongs) {
        for (Segment segment : segments) {
            segment.retainIf(belongs);
        }
    }

    private static final class Segment {
        /** Key at even positions, its value at the next; the capacity is a power of two. */
        private volatile long[] slots = new long[2 * 8];
        /** The slots with a key, tombstones included; guarded by this segment. */
        private int used;
        private final ConcurrentHashMap<Long, long[]> several = new ConcurrentHashMap<>();

        long[] get(long key, int hash) {
            long[] table = slots;
            int mask = (table.length >> 1) - 1;
            for (int i = hash & mask; ; i = (i + 1) & mask) {
                long value = (long) SLOT.getAcquire(table, 2 * i + 1);
                if (value == EMPTY) {
                    return null;
                }
                if (table[2 * i] != key) {
                    continue;
                }
                while (value == SEVERAL) {
                    long[] ids = several.get(key);
                    if (ids != null) {
                        return ids;
                    }
                    // a writer turned it into one id or none meanwhile, and wrote that first
                    value = (long) SLOT.getAcquire(table, 2 * i + 1);
                }
                return value == REMOVED ? null : new long[] {value};
            }
        }

        synchronized void compute(long key, int hash, UnaryOperator<long[]> change) {
            long[] table = slots;
            int mask = (table.length >> 1) - 1;
            int at = hash & mask;
            while (true) {
                long value = table[2 * at + 1];
                if (value == EMPTY) {
                    break;
                }
                if (table[2 * at] == key) {
                    long[] before = value == REMOVED ? null : value == SEVERAL ? several.get(key) : new long[] {value};
                    store(table, at, key, value, change.apply(before));
                    return;
                }
                at = (at + 1) & mask;
            }
            long[] ids = change.apply(null);
            if (ids == null || ids.length == 0) {
                return;
            }
            if (overloaded(used + 1, table.length >> 1)) {
                table = grown(table);
                mask = (table.length >> 1) - 1;
                at = hash & mask;
                while (table[2 * at + 1] != EMPTY) {
                    at = (at + 1) & mask;
                }
            }
            table[2 * at] = key;
            used++;
            store(table, at, key, EMPTY, ids);
        }

        /** Writes the value of a slot whose key is written; guarded by this segment. */
        private void store(long[] table, int at, long key, long before, long[] ids) {
            if (ids == null || ids.length == 0) {
                SLOT.setRelease(table, 2 * at + 1, REMOVED);
            } else if (ids.length == 1) {
                SLOT.setRelease(table, 2 * at + 1, ids[0]);
            } else {
                several.put(key, ids);
                SLOT.setRelease(table, 2 * at + 1, SEVERAL);
                return;
            }
            if (before == SEVERAL) {
                several.remove(key);
            }
        }

        /** Whether so many keys fill more than 60% of the slots, where linear probing starts to cost. */
        private static boolean overloaded(int keys, int capacity) {
            return (long) keys * 5 > (long) capacity * 3;
        }

        /** Returns a table twice as large (or as large, when tombstones filled it) holding the live keys, published. */
        private long[] grown(long[] table) {
            int live = 0;
            for (int i = 1; i < table.length; i += 2) {
                if (table[i] != EMPTY && table[i] != REMOVED) {
                    live++;
                }
            }
            int capacity = table.length >> 1;
            while (overloaded(live + 1, capacity)) {
                capacity <<= 1;
            }
            long[] bigger = new long[2 * capacity];
            int mask = capacity - 1;
            for (int i = 0; i < table.length; i += 2) {
                long value = table[i + 1];
                if (value == EMPTY || value == REMOVED) {
                    continue;
                }
                int at = (int) mix(table[i]) & mask;
                while (bigger[2 * at + 1] != EMPTY) {
                    at = (at + 1) & mask;
                }
                bigger[2 * at] = table[i];
                bigger[2 * at + 1] = value;
            }
            used = live;
            slots = bigger;
            return bigger;
        }

        synchronized void retainIf(KeyIdPredicate belongs) {
            long[] table = slots;
            for (int at = 0; 2 * at < table.length; at++) {
                long key = table[2 * at];
                long value = table[2 * at + 1];
                if (value > 0) {
                    if (!belongs.test(key, value)) {
                        SLOT.setRelease(table, 2 * at + 1, REMOVED);
                    }
                } else if (value == SEVERAL) {
                    long[] ids = several.get(key);
                    long[] kept = new long[ids.length];
                    int n = 0;
                    for (long id : ids) {
                        if (belongs.test(key, id)) {
                            kept[n++] = id;
                        }
                    }
                    if (n < ids.length) {
                        store(table, at, key, SEVERAL, Arrays.copyOf(kept, n));
                    }
                }
            }
        }
    }
}
