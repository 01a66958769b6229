package org.modgres.shmem.impl.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeapFileTest {

    @TempDir
    Path directory;

    private static byte[] tuple(int n, int length) {
        byte[] bytes = new byte[length];
        byte[] text = ("tuple " + n + " ").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < length; i++) {
            bytes[i] = text[i % text.length];
        }
        return bytes;
    }

    @Test
    void tuplesComeBackByTidThroughEviction() throws Exception {
        try (RelationFiles files = new RelationFiles(directory); BufferPool pool = new BufferPool(16, files, Arena.ofShared())) {
            HeapFile heap = new HeapFile(pool, 1);
            Map<Long, Integer> tids = new HashMap<>();
            for (int n = 0; n < 5000; n++) {
                tids.put(heap.insert(tuple(n, 300), 300), n);
            }
            assertTrue(heap.blocks() > 16 * 5, "more pages than frames: " + heap.blocks());
            for (Map.Entry<Long, Integer> entry : tids.entrySet()) {
                assertArrayEquals(tuple(entry.getValue(), 300), heap.read(entry.getKey()));
            }
        }
    }

    @Test
    void freedSpaceIsReusedAndSurvivorsKeepTheirTids() throws Exception {
        try (BufferPool pool = new BufferPool(16, new MemoryPageFiles(), Arena.ofShared())) {
            HeapFile heap = new HeapFile(pool, 1);
            List<Long> tids = new ArrayList<>();
            for (int n = 0; n < 2000; n++) {
                tids.add(heap.insert(tuple(n, 100 + n % 50), 100 + n % 50));
            }
            int blocks = heap.blocks();
            for (int n = 0; n < 2000; n += 2) {
                heap.free(tids.get(n));
            }
            // twice as short: the freed bytes are regained only by compacting around the survivors
            for (int n = 0; n < 2000; n += 2) {
                tids.set(n, heap.insert(tuple(-n, 60), 60));
            }
            assertEquals(blocks, heap.blocks(), "no page added while freed space suffices");
            for (int n = 0; n < 2000; n++) {
                byte[] expected = n % 2 == 0 ? tuple(-n, 60) : tuple(n, 100 + n % 50);
                assertArrayEquals(expected, heap.read(tids.get(n)));
            }
        }
    }

    @Test
    void aTupleAsLongAsAPageCanHoldFitsAlone() throws Exception {
        try (BufferPool pool = new BufferPool(16, new MemoryPageFiles(), Arena.ofShared())) {
            HeapFile heap = new HeapFile(pool, 2);
            long small = heap.insert(tuple(1, 10), 10);
            long big = heap.insert(tuple(2, HeapPage.MAX_TUPLE), HeapPage.MAX_TUPLE);
            assertArrayEquals(tuple(2, HeapPage.MAX_TUPLE), heap.read(big));
            assertArrayEquals(tuple(1, 10), heap.read(small));
        }
    }

    /** Readers of stable tuples are not disturbed by writers inserting, freeing and compacting the same pages. */
    @Test
    void readersSeeTheirTuplesWhileOthersInsertAndFree() throws Exception {
        try (BufferPool pool = new BufferPool(24, new MemoryPageFiles(), Arena.ofShared())) {
            HeapFile heap = new HeapFile(pool, 3);
            List<Long> stable = new ArrayList<>();
            for (int n = 0; n < 3000; n++) {
                stable.add(heap.insert(tuple(n, 80), 80));
            }
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        for (int round = 0; round < 200; round++) {
                            List<Long> mine = new ArrayList<>();
                            for (int i = 0; i < 50; i++) {
                                mine.add(heap.insert(tuple(writer * 1000 + i, 40 + i), 40 + i));
                            }
                            for (int i = 0; i < 50; i++) {
                                assertArrayEquals(tuple(writer * 1000 + i, 40 + i), heap.read(mine.get(i)));
                                heap.free(mine.get(i));
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            for (int r = 0; r < 4; r++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        for (int round = 0; round < 5; round++) {
                            for (int n = 0; n < stable.size(); n++) {
                                assertArrayEquals(tuple(n, 80), heap.read(stable.get(n)));
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
        }
    }
}
