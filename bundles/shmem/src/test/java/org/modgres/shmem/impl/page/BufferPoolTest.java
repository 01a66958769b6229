package org.modgres.shmem.impl.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.StampedLock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modgres.api.error.PgException;

class BufferPoolTest {

    @TempDir
    Path directory;

    @Test
    void pagesEvictedDirtyAreReadBackFromTheirFiles() throws Exception {
        try (RelationFiles files = new RelationFiles(directory); BufferPool pool = new BufferPool(16, files, Arena.ofShared())) {
            for (int block = 0; block < 100; block++) {
                int frame = pool.pin(7, block);
                pool.segment(frame).set(ValueLayout.JAVA_INT, 100, block * 31);
                pool.markDirty(frame);
                pool.unpin(frame);
            }
            for (int block = 99; block >= 0; block--) {
                int frame = pool.pin(7, block);
                assertEquals(block * 31, pool.segment(frame).get(ValueLayout.JAVA_INT, 100));
                pool.unpin(frame);
            }
        }
    }

    @Test
    void aPageNeverWrittenReadsAsZeros() throws Exception {
        try (RelationFiles files = new RelationFiles(directory); BufferPool pool = new BufferPool(16, files, Arena.ofShared())) {
            int frame = pool.pin(1, 12);
            MemorySegment page = pool.segment(frame);
            assertEquals(-1, page.mismatch(MemorySegment.ofArray(new byte[BufferPool.PAGE_SIZE])));
            pool.unpin(frame);
        }
    }

    @Test
    void pinnedPagesAreNotEvicted() throws Exception {
        try (BufferPool pool = new BufferPool(16, new MemoryPageFiles(), Arena.ofShared())) {
            List<Integer> pinned = new ArrayList<>();
            for (int block = 0; block < 16; block++) {
                int frame = pool.pin(3, block);
                pool.segment(frame).set(ValueLayout.JAVA_INT, 0, block + 1);
                pool.markDirty(frame);
                pinned.add(frame);
            }
            assertThrows(PgException.class, () -> pool.pin(3, 16));
            for (int block = 0; block < 16; block++) {
                assertEquals(block + 1, pool.segment(pinned.get(block)).get(ValueLayout.JAVA_INT, 0));
                pool.unpin(pinned.get(block));
            }
            int frame = pool.pin(3, 16);
            pool.unpin(frame);
        }
    }

    @Test
    void droppedFilesAreForgottenWithoutBeingWritten() throws Exception {
        MemoryPageFiles files = new MemoryPageFiles();
        try (BufferPool pool = new BufferPool(16, files, Arena.ofShared())) {
            int frame = pool.pin(5, 0);
            pool.segment(frame).set(ValueLayout.JAVA_INT, 0, 42);
            pool.markDirty(frame);
            pool.unpin(frame);
            assertTrue(pool.dropFile(5));
            frame = pool.pin(5, 0);
            assertEquals(0, pool.segment(frame).get(ValueLayout.JAVA_INT, 0));
            pool.unpin(frame);
        }
    }

    @Test
    void aFileWithAPinnedPageIsNotDroppedUntilThePinGoes() throws Exception {
        MemoryPageFiles files = new MemoryPageFiles();
        try (BufferPool pool = new BufferPool(16, files, Arena.ofShared())) {
            int other = pool.pin(5, 1);
            pool.segment(other).set(ValueLayout.JAVA_INT, 0, 7);
            pool.markDirty(other);
            pool.unpin(other);
            int held = pool.pin(5, 0);
            assertFalse(pool.dropFile(5), "a pinned page keeps its file");
            pool.unpin(held);
            assertTrue(pool.dropFile(5));
            int again = pool.pin(5, 1);
            assertEquals(0, pool.segment(again).get(ValueLayout.JAVA_INT, 0), "the dirty page was forgotten, not written");
            pool.unpin(again);
        }
    }

    /** Threads that each own some pages write and check them through a pool far smaller than the pages. */
    @Test
    void concurrentReadersAndWritersOfMorePagesThanFrames() throws Exception {
        int threads = 8;
        int pagesPerThread = 40;
        int rounds = 3000;
        try (RelationFiles files = new RelationFiles(directory); BufferPool pool = new BufferPool(32, files, Arena.ofShared())) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int owner = t;
                running.add(Thread.ofVirtual().start(() -> {
                    int[] expected = new int[pagesPerThread];
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    try {
                        for (int round = 0; round < rounds; round++) {
                            int page = random.nextInt(pagesPerThread);
                            // half the pages are in a file shared by all threads, half in the thread's own
                            int file = page % 2 == 0 ? 100 : owner;
                            int block = page % 2 == 0 ? owner * pagesPerThread + page : page;
                            int frame = pool.pin(file, block);
                            try {
                                StampedLock lock = pool.lock(frame);
                                long stamp = lock.writeLock();
                                try {
                                    MemorySegment segment = pool.segment(frame);
                                    int found = segment.get(ValueLayout.JAVA_INT, 4L * (page % 64));
                                    if (found != expected[page]) {
                                        throw new AssertionError("page " + file + "/" + block + " holds " + found
                                                + ", expected " + expected[page]);
                                    }
                                    expected[page] = random.nextInt();
                                    segment.set(ValueLayout.JAVA_INT, 4L * (page % 64), expected[page]);
                                } finally {
                                    lock.unlockWrite(stamp);
                                }
                                pool.markDirty(frame);
                            } finally {
                                pool.unpin(frame);
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            for (Thread thread : running) {
                thread.join();
            }
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
        }
    }
}
