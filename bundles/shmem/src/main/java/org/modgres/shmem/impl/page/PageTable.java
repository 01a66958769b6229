package org.modgres.shmem.impl.page;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The buffer pool's map from page to frame, as PostgreSQL's buffer mapping table: a chained hash
 * whose chains link frames, each frame's page being the pool's own record of what it holds. A
 * lookup is a walk over int arrays with no lock and no boxing, the pinning of every page read
 * going through it. Changes take the lock of their bucket's stripe. A reader that races a change
 * may miss a page that is there (a frame moved to another chain under it): the pool then takes the
 * slow path, where {@link #putIfAbsent} finds the page under the lock, so a miss costs time, never
 * a second copy of a page.
 */
final class PageTable {

    private static final int NONE = -1;
    private static final int STRIPES = 64;

    private final AtomicLongArray pageOfFrame;
    private final AtomicIntegerArray buckets;
    private final AtomicIntegerArray nextInChain;
    private final Object[] stripes = new Object[STRIPES];
    private final int mask;

    /** @param pageOfFrame the page each frame holds, which the pool keeps and this table reads */
    PageTable(AtomicLongArray pageOfFrame) {
        this.pageOfFrame = pageOfFrame;
        int frames = pageOfFrame.length();
        int size = Integer.highestOneBit(Math.max(16, frames) * 2 - 1) << 1;
        this.buckets = new AtomicIntegerArray(size);
        this.nextInChain = new AtomicIntegerArray(frames);
        for (int i = 0; i < size; i++) {
            buckets.set(i, NONE);
        }
        for (int i = 0; i < frames; i++) {
            nextInChain.set(i, NONE);
        }
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
        this.mask = size - 1;
    }

    /** The frame mapped to the page, or -1; the caller still checks the frame once it is pinned. */
    int get(long page) {
        int steps = 0;
        for (int frame = buckets.get(bucket(page)); frame != NONE && steps <= nextInChain.length();
                frame = nextInChain.get(frame), steps++) {
            if (pageOfFrame.get(frame) == page) {
                return frame;
            }
        }
        return NONE;
    }

    /**
     * Maps the page to the frame, whose page must already be set to it, unless another frame holds
     * the page; returns that frame, or -1 when this one was mapped.
     */
    int putIfAbsent(long page, int frame) {
        int bucket = bucket(page);
        synchronized (stripes[bucket & (STRIPES - 1)]) {
            for (int other = buckets.get(bucket); other != NONE; other = nextInChain.get(other)) {
                if (other != frame && pageOfFrame.get(other) == page) {
                    return other;
                }
            }
            nextInChain.set(frame, buckets.get(bucket));
            buckets.set(bucket, frame);
            return NONE;
        }
    }

    /** Unmaps the frame from the page, if it is mapped there. */
    void remove(long page, int frame) {
        int bucket = bucket(page);
        synchronized (stripes[bucket & (STRIPES - 1)]) {
            int previous = NONE;
            for (int at = buckets.get(bucket); at != NONE; previous = at, at = nextInChain.get(at)) {
                if (at == frame) {
                    int next = nextInChain.get(at);
                    if (previous == NONE) {
                        buckets.set(bucket, next);
                    } else {
                        nextInChain.set(previous, next);
                    }
                    return;
                }
            }
        }
    }

    private int bucket(long page) {
        long mixed = page * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32) & mask;
    }
}
