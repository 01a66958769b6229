package org.modgres.shmem.impl.page;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.BitSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

/**
 * The tuples of one relation file in slotted pages ({@link HeapPage}) through the buffer pool.
 * A tuple is named by its TID, {@code block << 16 | slot}, which it keeps until it is freed.
 *
 * <p>Tuples move only when a page is compacted to regain freed bytes, and only under the page's
 * write lock; readers copy a tuple out under an optimistic read of that lock and validate it
 * afterwards (retrying under the read lock), so a read never waits for a pin count to drop to
 * one, as PostgreSQL's cleanup lock would make compaction wait for readers. Which page gets a new
 * tuple is decided by a small free-space map kept on the Java heap (a few bytes a page): the page
 * of the last insert while it has room, else the first page with a quarter of a page free, else a
 * new page at the end. Allocation is serialised per file; reads are not.
 */
public final class HeapFile {

    private static final int ROOMY = BufferPool.PAGE_SIZE / 4;
    private static final int SLOT_BITS = 16;
    private static final int SEARCH_TRIES = 4;

    private final BufferPool pool;
    private final int file;
    private final ReentrantLock allocation = new ReentrantLock();
    /** Free space per block, as last seen under the allocation lock. */
    private int[] freeSpace = new int[16];
    private final BitSet roomy = new BitSet();
    private int blocks;
    private int current = -1;

    public HeapFile(BufferPool pool, int file) {
        this.pool = pool;
        this.file = file;
    }

    public int fileNumber() {
        return file;
    }

    public int blocks() {
        allocation.lock();
        try {
            return blocks;
        } finally {
            allocation.unlock();
        }
    }

    /** Stores a tuple of at most {@link HeapPage#MAX_TUPLE} bytes; returns its TID. */
    public long insert(byte[] tuple, int length) {
        if (length > HeapPage.MAX_TUPLE) {
            throw new IllegalArgumentException("tuple of " + length + " bytes is longer than a page can hold");
        }
        allocation.lock();
        try {
            int tries = 0;
            while (true) {
                int block = chooseBlock(length, tries++);
                int slot = insertInto(block, tuple, length);
                if (slot >= 0) {
                    current = block;
                    return (long) block << SLOT_BITS | slot;
                }
            }
        } finally {
            allocation.unlock();
        }
    }

    private int chooseBlock(int length, int tries) {
        if (current >= 0 && freeSpace[current] >= length && tries == 0) {
            return current;
        }
        int candidate = roomy.nextSetBit(0);
        for (int i = 0; candidate >= 0 && i < SEARCH_TRIES - tries; i++) {
            if (candidate != current && freeSpace[candidate] >= length) {
                return candidate;
            }
            candidate = roomy.nextSetBit(candidate + 1);
        }
        int block = blocks++;
        if (block == freeSpace.length) {
            freeSpace = Arrays.copyOf(freeSpace, block * 2);
        }
        freeSpace[block] = HeapPage.MAX_TUPLE;
        return block;
    }

    private int insertInto(int block, byte[] tuple, int length) {
        int frame = pool.pin(file, block);
        try {
            MemorySegment page = pool.segment(frame);
            StampedLock lock = pool.lock(frame);
            long stamp = lock.writeLock();
            int slot;
            int left;
            try {
                slot = HeapPage.insert(page, tuple, length);
                left = HeapPage.freeSpace(page);
            } finally {
                lock.unlockWrite(stamp);
            }
            if (slot >= 0) {
                pool.markDirty(frame);
            }
            recordFreeSpace(block, left);
            return slot;
        } finally {
            pool.unpin(frame);
        }
    }

    private void recordFreeSpace(int block, int left) {
        freeSpace[block] = left;
        roomy.set(block, left >= ROOMY);
    }

    /** Copies out the tuple a TID names; it must not have been freed. */
    public byte[] read(long tid) {
        int frame = pool.pin(file, (int) (tid >>> SLOT_BITS));
        try {
            MemorySegment page = pool.segment(frame);
            int slot = (int) (tid & ((1 << SLOT_BITS) - 1));
            StampedLock lock = pool.lock(frame);
            long stamp = lock.tryOptimisticRead();
            if (stamp != 0) {
                try {
                    byte[] tuple = HeapPage.read(page, slot);
                    if (lock.validate(stamp)) {
                        return tuple;
                    }
                } catch (IllegalStateException e) {
                    // torn by a concurrent insert or compaction, or truly missing: the read lock tells which
                }
            }
            stamp = lock.readLock();
            try {
                return HeapPage.read(page, slot);
            } finally {
                lock.unlockRead(stamp);
            }
        } finally {
            pool.unpin(frame);
        }
    }

    /** Frees a tuple: nobody may read its TID any more, and a later insert may reuse it. */
    public void free(long tid) {
        int block = (int) (tid >>> SLOT_BITS);
        allocation.lock();
        try {
            int frame = pool.pin(file, block);
            try {
                StampedLock lock = pool.lock(frame);
                long stamp = lock.writeLock();
                int left;
                try {
                    HeapPage.free(pool.segment(frame), (int) (tid & ((1 << SLOT_BITS) - 1)));
                    left = HeapPage.freeSpace(pool.segment(frame));
                } finally {
                    lock.unlockWrite(stamp);
                }
                pool.markDirty(frame);
                recordFreeSpace(block, left);
            } finally {
                pool.unpin(frame);
            }
        } finally {
            allocation.unlock();
        }
    }
}
