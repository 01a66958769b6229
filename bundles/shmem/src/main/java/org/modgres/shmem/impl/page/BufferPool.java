package org.modgres.shmem.impl.page;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.StampedLock;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * PostgreSQL's shared buffers: a fixed number of 8 KiB frames in one off-heap segment shared by
 * all backends, a page table from (file, block) to frame, and per frame one atomic state word with
 * its pin count, usage count and flags, as PostgreSQL's buffer descriptors have.
 *
 * <p>Pinning a resident page is a map lookup and one atomic add: no lock. Whoever pins a frame
 * checks, after the add, that the frame is still valid and still holds the page looked up, since
 * it may have been taken for another page between the lookup and the add; taking a frame for
 * another page is a compare-and-set from "no pins, usage 0, valid" that clears the valid flag, so
 * the two exclude each other. A frame that is not valid is being written back or read in: pinners
 * let go and retry until it is. Victims are found by the clock sweep: each pass over a frame with
 * no pins lowers its usage count, and a frame reached at usage 0 is taken; a dirty victim is
 * written to its file before it is reused.
 *
 * <p>The pool orders only pins and frames; what is inside a page is guarded by the page's
 * {@link #lock(int) lock}, which readers use optimistically.
 */
public final class BufferPool implements AutoCloseable {

    public static final int PAGE_SIZE = 8192;

    private static final long PIN_ONE = 1;
    private static final long PIN_MASK = (1L << 32) - 1;
    private static final int USAGE_SHIFT = 32;
    private static final long USAGE_ONE = 1L << USAGE_SHIFT;
    private static final long USAGE_MASK = 7L << USAGE_SHIFT;
    /** PostgreSQL's BM_MAX_USAGE_COUNT: how many sweeps a much-used page survives. */
    private static final int MAX_USAGE = 5;
    private static final long VALID = 1L << 40;
    private static final long DIRTY = 1L << 41;
    private static final long NO_PAGE = -1;
    /** How often {@link #dropFile} looks again at a busy frame before it gives up for now. */
    private static final int DROP_TRIES = 10_000;

    private final Arena arena;
    private final MemorySegment frames;
    /** Each frame's page as a segment of its own, made once: every page access asks for one. */
    private final MemorySegment[] pages;
    private final int frameCount;
    private final AtomicLongArray states;
    private final AtomicLongArray pageOfFrame;
    private final StampedLock[] locks;
    private final PageTable pageTable;
    private final AtomicInteger clockHand = new AtomicInteger();
    private final PageFiles files;

    /**
     * @param arena where the frames are allocated: a shared arena, closed with the pool, for a server;
     *              an automatic one for storage whose owner never closes it
     */
    public BufferPool(int frameCount, PageFiles files, Arena arena) {
        if (frameCount < 16) {
            throw new IllegalArgumentException("a buffer pool needs at least 16 frames, not " + frameCount);
        }
        this.frameCount = frameCount;
        this.files = files;
        this.arena = arena;
        this.frames = arena.allocate((long) frameCount * PAGE_SIZE, PAGE_SIZE);
        this.pages = new MemorySegment[frameCount];
        this.states = new AtomicLongArray(frameCount);
        this.pageOfFrame = new AtomicLongArray(frameCount);
        this.locks = new StampedLock[frameCount];
        for (int i = 0; i < frameCount; i++) {
            pageOfFrame.set(i, NO_PAGE);
            locks[i] = new StampedLock();
            pages[i] = frames.asSlice((long) i * PAGE_SIZE, PAGE_SIZE);
        }
        this.pageTable = new PageTable(pageOfFrame);
    }

    public int frameCount() {
        return frameCount;
    }

    /** Returns the frame holding the block, read in when needed, pinned: it stays until {@link #unpin(int)}. */
    public int pin(int file, int block) {
        long page = pageKey(file, block);
        while (true) {
            int mapped = pageTable.get(page);
            if (mapped >= 0) {
                int frame = mapped;
                long before = states.getAndAdd(frame, PIN_ONE);
                if ((before & VALID) != 0 && pageOfFrame.get(frame) == page) {
                    if ((before & USAGE_MASK) < (long) MAX_USAGE << USAGE_SHIFT) {
                        bumpUsage(frame);
                    }
                    return frame;
                }
                states.getAndAdd(frame, -PIN_ONE);
                // being read in or written back by another thread: short, so wait by yielding
                Thread.yield();
                continue;
            }
            int frame = takeVictim();
            pageOfFrame.set(frame, page);
            if (pageTable.putIfAbsent(page, frame) >= 0) {
                // another thread is reading the same page in: give the frame back
                pageOfFrame.set(frame, NO_PAGE);
                states.getAndAdd(frame, -PIN_ONE);
                continue;
            }
            try {
                files.read(file, block, segment(frame));
            } catch (RuntimeException | Error e) {
                pageTable.remove(page, frame);
                pageOfFrame.set(frame, NO_PAGE);
                states.getAndAdd(frame, -PIN_ONE);
                throw e;
            }
            states.getAndAdd(frame, VALID | USAGE_ONE);
            return frame;
        }
    }

    public void unpin(int frame) {
        states.getAndAdd(frame, -PIN_ONE);
    }

    /** The page in a frame the caller has pinned. */
    public MemorySegment segment(int frame) {
        return pages[frame];
    }

    /** Guards the contents of the page in a frame; taken only while the frame is pinned. */
    public StampedLock lock(int frame) {
        return locks[frame];
    }

    /** Records that the caller changed the pinned page, so that it is written back before its frame is reused. */
    public void markDirty(int frame) {
        long state = states.get(frame);
        if ((state & DIRTY) == 0) {
            states.getAndUpdate(frame, s -> s | DIRTY);
        }
    }

    /**
     * Forgets every page of a file without writing it back: the file is being deleted or emptied.
     * A page of it that stays pinned or in transit for a while makes this give up and return false,
     * having forgotten the others: the caller keeps the file and tries again later, since a thread
     * that waited here could hold up whoever waits for it (the autovacuum round, and shutdown).
     */
    public boolean dropFile(int file) {
        for (int frame = 0; frame < frameCount; frame++) {
            long page = pageOfFrame.get(frame);
            if (page != NO_PAGE && (int) (page >>> 32) == file && !forget(frame, page)) {
                return false;
            }
        }
        return true;
    }

    /** Unmaps a frame that holds the page, waiting briefly while it is pinned or in transit. */
    private boolean forget(int frame, long page) {
        for (int tries = 0; tries < DROP_TRIES; tries++) {
            long state = states.get(frame);
            if (pageOfFrame.get(frame) != page) {
                return true;
            }
            if ((state & PIN_MASK) == 0 && (state & VALID) != 0 && states.compareAndSet(frame, state, PIN_ONE)) {
                if (pageOfFrame.get(frame) == page) {
                    pageTable.remove(page, frame);
                    pageOfFrame.set(frame, NO_PAGE);
                }
                states.getAndAdd(frame, -PIN_ONE);
                return true;
            }
            Thread.yield();
        }
        return false;
    }

    /** Writes every dirty page back to its file. */
    public void flush() {
        for (int frame = 0; frame < frameCount; frame++) {
            long state = states.get(frame);
            if ((state & DIRTY) == 0 || (state & VALID) == 0) {
                continue;
            }
            long pinned = states.getAndAdd(frame, PIN_ONE);
            try {
                long page = pageOfFrame.get(frame);
                if ((pinned & VALID) == 0 || page == NO_PAGE) {
                    continue;
                }
                StampedLock lock = locks[frame];
                long stamp = lock.readLock();
                try {
                    states.getAndUpdate(frame, s -> s & ~DIRTY);
                    files.write((int) (page >>> 32), (int) page, segment(frame));
                } finally {
                    lock.unlockRead(stamp);
                }
            } finally {
                states.getAndAdd(frame, -PIN_ONE);
            }
        }
    }

    private void bumpUsage(int frame) {
        long state = states.get(frame);
        while ((state & USAGE_MASK) < (long) MAX_USAGE << USAGE_SHIFT) {
            long witness = states.compareAndExchange(frame, state, state + USAGE_ONE);
            if (witness == state) {
                return;
            }
            state = witness;
        }
    }

    /**
     * Runs the clock sweep until it takes a frame, which it returns pinned once, not valid, not
     * mapped and written back: the caller's to fill.
     */
    private int takeVictim() {
        // every frame pinned through more than MAX_USAGE + 1 full turns: nothing can be freed
        long limit = (long) frameCount * (MAX_USAGE + 2);
        for (long tries = 0; tries < limit; tries++) {
            int frame = Math.floorMod(clockHand.getAndIncrement(), frameCount);
            long state = states.get(frame);
            if ((state & PIN_MASK) != 0) {
                continue;
            }
            if ((state & USAGE_MASK) != 0) {
                states.compareAndSet(frame, state, state - USAGE_ONE);
                continue;
            }
            if ((state & VALID) == 0 && pageOfFrame.get(frame) != NO_PAGE) {
                continue;
            }
            if (!states.compareAndSet(frame, state, PIN_ONE | (state & DIRTY))) {
                continue;
            }
            long old = pageOfFrame.get(frame);
            if (old != NO_PAGE) {
                if ((state & DIRTY) != 0) {
                    // the old page stays mapped (and not valid) until it is on disk, so nobody reads a stale copy
                    try {
                        files.write((int) (old >>> 32), (int) old, segment(frame));
                    } catch (RuntimeException | Error e) {
                        states.getAndAdd(frame, VALID - PIN_ONE);
                        throw e;
                    }
                }
                pageTable.remove(old, frame);
            }
            states.getAndUpdate(frame, s -> s & ~DIRTY);
            return frame;
        }
        throw new PgException(SqlState.INTERNAL_ERROR, "no unpinned buffers available");
    }

    private static long pageKey(int file, int block) {
        return (long) file << 32 | (block & 0xFFFFFFFFL);
    }

    @Override
    public void close() {
        if (arena.scope() != Arena.global().scope()) {
            try {
                arena.close();
            } catch (UnsupportedOperationException e) {
                // an automatic arena is freed when the pool is garbage
            }
        }
    }
}
