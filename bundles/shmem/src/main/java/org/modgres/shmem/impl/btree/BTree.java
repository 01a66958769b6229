package org.modgres.shmem.impl.btree;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

import org.modgres.shmem.impl.page.BufferPool;

/**
 * A B+tree of (key, row id) entries in the 8 KiB pages of one relation file, read and written
 * through the shared buffer pool, so its pages are evicted like heap pages. Keys are byte strings
 * in {@link KeyEncoding}'s order; duplicates of a key are told apart by the row id.
 *
 * <p>Readers take no lock: each page is read under an optimistic stamp of its frame's lock and
 * validated (read again under the read lock when a writer got in the way), one page pinned at a
 * time. Pages are linked to their right siblings and carry a high key (a B-link tree, see
 * {@link BTreePage}), so a reader that reaches a page after it split moves right instead of
 * missing the entries that moved. Writers are serialised per tree by one lock, which also lets a
 * caller check a key and insert it as one step; a writer changes a page under its write lock.
 * A split writes the new right page before it truncates the left one, and only then adds the
 * separator to the parent. Deletes leave pages as they are, empty ones included, as PostgreSQL's
 * do until vacuum; a scan steps over an empty leaf.
 *
 * <p>The pages are not logged: an index is rebuilt from the rows when the server starts.
 */
public final class BTree {

    static final int ROW_ID = 8;
    static final int CONTINUE = -2;
    static final int DONE = -3;
    static final int GO_LEFT = -4;

    private final BufferPool pool;
    private final int file;
    private final ReentrantLock writers = new ReentrantLock();
    /** The root's block in the low 32 bits and its level (0 for a leaf) in the high ones, read as one. */
    private volatile long root;
    /** The next block to allocate; guarded by {@link #writers}. */
    private int blocks;

    public BTree(BufferPool pool, int file) {
        this.pool = pool;
        this.file = file;
        writers.lock();
        try {
            int block = allocate(BTreePage.LEAF, 0);
            root = block;
        } finally {
            writers.unlock();
        }
    }

    public int fileNumber() {
        return file;
    }

    /** Takes the writers' lock, so that the caller can look a key up and insert as one step; reentrant. */
    public void lockWriters() {
        writers.lock();
    }

    public void unlockWriters() {
        writers.unlock();
    }

    static byte[] entry(byte[] key, long rowId) {
        byte[] entry = Arrays.copyOf(key, key.length + ROW_ID);
        KeyEncoding.putLong(entry, key.length, rowId);
        return entry;
    }

    // ---------------------------------------------------------------- readers

    /** A visit of one page; run again from scratch, after {@link #reset()}, when a writer tore it. */
    abstract static class PageVisit {
        abstract int visit(MemorySegment page);

        void reset() {
        }
    }

    /** Reads a page through a visit, optimistically first, then under the page's read lock. */
    int read(int block, PageVisit visit) {
        int frame = pool.pin(file, block);
        try {
            MemorySegment page = pool.segment(frame);
            StampedLock lock = pool.lock(frame);
            long stamp = lock.tryOptimisticRead();
            if (stamp != 0) {
                try {
                    int result = visit.visit(page);
                    if (lock.validate(stamp)) {
                        return result;
                    }
                } catch (RuntimeException torn) {
                    if (lock.validate(stamp)) {
                        throw torn;
                    }
                }
                visit.reset();
            }
            stamp = lock.readLock();
            try {
                return visit.visit(page);
            } finally {
                lock.unlockRead(stamp);
            }
        } finally {
            pool.unpin(frame);
        }
    }

    /** One step down from an internal page, or right along its level. */
    static final class Descent extends PageVisit {
        byte[] bound;
        boolean after;
        /** Whether the bound lies above every entry. */
        boolean toEnd;
        /** Whether the last visit moved right rather than down. */
        boolean movedRight;
        /** Whether to keep the low fence, the lowest entry the page reached may hold (null: no limit). */
        boolean keepFence;
        byte[] fence;
        private byte[] fenceBefore;

        @Override
        int visit(MemorySegment page) {
            fenceBefore = fence;
            int right = BTreePage.rightLink(page);
            if (right != BTreePage.NO_PAGE
                    && (toEnd || BTreePage.boundAboveHighKey(page, bound, after))) {
                movedRight = true;
                if (keepFence) {
                    fence = BTreePage.highKey(page);
                }
                return right;
            }
            movedRight = false;
            if (BTreePage.kind(page) != BTreePage.INTERNAL) {
                throw new IllegalStateException("torn page: not internal");
            }
            int count = BTreePage.count(page);
            int at = toEnd ? count - 1 : BTreePage.countBelow(page, 1, bound, after) - 1;
            int offset = BTreePage.itemOffset(page, at);
            int length = BTreePage.itemLength(page, offset);
            if (keepFence && at > 0) {
                fence = BTreePage.bytes(page, offset, length);
            }
            return BTreePage.child(page, offset, length);
        }

        @Override
        void reset() {
            fence = fenceBefore;
        }
    }

    /** Returns the leaf where entries just above the bound (or the last entries, {@code toEnd}) are, or begin. */
    int descend(Descent descent) {
        long top = root;
        int block = (int) top;
        int level = (int) (top >>> 32);
        while (level > 0) {
            block = read(block, descent);
            if (!descent.movedRight) {
                level--;
            }
        }
        return block;
    }

    /** Collects the row ids of one key along the leaves. */
    private static final class KeyLookup extends PageVisit {
        final byte[] key;
        long[] ids = new long[4];
        int count;
        private int countBefore;
        int next;

        KeyLookup(byte[] key) {
            this.key = key;
        }

        @Override
        int visit(MemorySegment page) {
            countBefore = count;
            if (BTreePage.kind(page) != BTreePage.LEAF) {
                throw new IllegalStateException("torn page: not a leaf");
            }
            int right = BTreePage.rightLink(page);
            if (right != BTreePage.NO_PAGE && BTreePage.boundAboveHighKey(page, key, false)) {
                next = right;
                return CONTINUE;
            }
            int n = BTreePage.count(page);
            for (int i = BTreePage.countBelow(page, 0, key, false); i < n; i++) {
                int offset = BTreePage.itemOffset(page, i);
                int length = BTreePage.itemLength(page, offset);
                if (!BTreePage.startsWith(page, offset, length, key)) {
                    return DONE;
                }
                if (count == ids.length) {
                    ids = Arrays.copyOf(ids, count * 2);
                }
                ids[count++] = BTreePage.rowId(page, offset, length);
            }
            if (right != BTreePage.NO_PAGE && BTreePage.boundAboveHighKey(page, key, true)) {
                next = right;
                return CONTINUE;
            }
            return DONE;
        }

        @Override
        void reset() {
            count = countBefore;
        }
    }

    /** Returns the row ids of every entry with this key, in row-id order. */
    public long[] lookup(byte[] key) {
        Descent descent = new Descent();
        descent.bound = key;
        int block = descend(descent);
        KeyLookup lookup = new KeyLookup(key);
        while (read(block, lookup) == CONTINUE) {
            block = lookup.next;
        }
        return lookup.count == lookup.ids.length ? lookup.ids : Arrays.copyOf(lookup.ids, lookup.count);
    }

    /**
     * A cursor over the entries between two bounds, ascending or descending. A bound is a key
     * prefix: {@code lowerInclusive} takes the entries that start with {@code lower}, and so on;
     * null is no bound.
     */
    public BTreeCursor cursor(byte[] lower, boolean lowerInclusive, byte[] upper, boolean upperInclusive,
                              boolean descending) {
        return new BTreeCursor(this, lower == null ? new byte[0] : lower, lower != null && !lowerInclusive,
                upper, upper != null && upperInclusive, descending);
    }

    // ---------------------------------------------------------------- writers

    /** Adds an entry; returns false when it is there already. */
    public boolean insert(byte[] key, long rowId) {
        if (key.length > KeyEncoding.MAX_KEY) {
            throw new IllegalArgumentException("index row of " + key.length + " bytes exceeds the maximum "
                    + KeyEncoding.MAX_KEY);
        }
        byte[] entry = entry(key, rowId);
        writers.lock();
        try {
            int[] path = new int[(int) (root >>> 32) + 1];
            int leaf = writerDescent(entry, path);
            int frame = pool.pin(file, leaf);
            int at;
            try {
                MemorySegment page = pool.segment(frame);
                at = BTreePage.countBelow(page, 0, entry, true);
                if (at > 0 && sameEntry(page, at - 1, entry)) {
                    return false;
                }
            } finally {
                pool.unpin(frame);
            }
            insertAt(0, leaf, at, entry, 0, path);
            return true;
        } finally {
            writers.unlock();
        }
    }

    /** Removes an entry; returns false when it was not there. */
    public boolean delete(byte[] key, long rowId) {
        byte[] entry = entry(key, rowId);
        writers.lock();
        try {
            int leaf = writerDescent(entry, null);
            int frame = pool.pin(file, leaf);
            try {
                MemorySegment page = pool.segment(frame);
                int at = BTreePage.countBelow(page, 0, entry, true) - 1;
                if (at < 0 || !sameEntry(page, at, entry)) {
                    return false;
                }
                StampedLock lock = pool.lock(frame);
                long stamp = lock.writeLock();
                try {
                    BTreePage.remove(page, at);
                } finally {
                    lock.unlockWrite(stamp);
                }
                pool.markDirty(frame);
                return true;
            } finally {
                pool.unpin(frame);
            }
        } finally {
            writers.unlock();
        }
    }

    private static boolean sameEntry(MemorySegment page, int at, byte[] entry) {
        int offset = BTreePage.itemOffset(page, at);
        return BTreePage.itemLength(page, offset) == entry.length
                && BTreePage.startsWith(page, offset, entry.length, entry);
    }

    /**
     * Finds the leaf an entry belongs in, recording the internal page of each level on the way
     * ({@code path[level]}); pages hold still, as the caller is the only writer.
     */
    private int writerDescent(byte[] entry, int[] path) {
        long top = root;
        int block = (int) top;
        int level = (int) (top >>> 32);
        Descent descent = new Descent();
        descent.bound = entry;
        descent.after = true;
        while (level > 0) {
            if (path != null) {
                path[level] = block;
            }
            block = read(block, descent);
            if (!descent.movedRight) {
                level--;
            }
        }
        return block;
    }

    /** Inserts an item at a position of a page of {@code level}, splitting the page when it is full. */
    private void insertAt(int level, int block, int at, byte[] entry, int child, int[] path) {
        int frame = pool.pin(file, block);
        byte[] separator;
        int newBlock;
        try {
            MemorySegment page = pool.segment(frame);
            int kind = BTreePage.kind(page);
            int space = BTreePage.itemSpace(kind, entry.length);
            StampedLock lock = pool.lock(frame);
            if (BTreePage.freeSpace(page) >= space) {
                long stamp = lock.writeLock();
                try {
                    BTreePage.insert(page, at, entry, child);
                } finally {
                    lock.unlockWrite(stamp);
                }
                pool.markDirty(frame);
                return;
            }
            PageImage image = PageImage.of(page);
            image.add(at, entry, child);
            if (image.fits()) {
                long stamp = lock.writeLock();
                try {
                    image.writeTo(page, 0, image.size(), image.highKey, image.rightLink);
                } finally {
                    lock.unlockWrite(stamp);
                }
                pool.markDirty(frame);
                return;
            }
            int split = image.splitPoint(at);
            separator = image.entry(split);
            newBlock = allocate(kind, level);
            int newFrame = pool.pin(file, newBlock);
            try {
                StampedLock newLock = pool.lock(newFrame);
                long stamp = newLock.writeLock();
                try {
                    image.writeTo(pool.segment(newFrame), split, image.size(), image.highKey, image.rightLink);
                } finally {
                    newLock.unlockWrite(stamp);
                }
                pool.markDirty(newFrame);
            } finally {
                pool.unpin(newFrame);
            }
            long stamp = lock.writeLock();
            try {
                image.writeTo(page, 0, split, separator, newBlock);
            } finally {
                lock.unlockWrite(stamp);
            }
            pool.markDirty(frame);
        } finally {
            pool.unpin(frame);
        }
        if (level + 1 < path.length) {
            int parent = path[level + 1];
            int parentFrame = pool.pin(file, parent);
            int position;
            try {
                position = BTreePage.countBelow(pool.segment(parentFrame), 1, separator, true);
            } finally {
                pool.unpin(parentFrame);
            }
            insertAt(level + 1, parent, position, separator, newBlock, path);
        } else {
            int newRoot = allocate(BTreePage.INTERNAL, level + 1);
            int rootFrame = pool.pin(file, newRoot);
            try {
                MemorySegment page = pool.segment(rootFrame);
                StampedLock lock = pool.lock(rootFrame);
                long stamp = lock.writeLock();
                try {
                    BTreePage.insert(page, 0, new byte[0], block);
                    BTreePage.insert(page, 1, separator, newBlock);
                } finally {
                    lock.unlockWrite(stamp);
                }
                pool.markDirty(rootFrame);
            } finally {
                pool.unpin(rootFrame);
            }
            root = (long) (level + 1) << 32 | newRoot;
        }
    }

    /** Adds an empty page of a kind at the end of the file. */
    private int allocate(int kind, int level) {
        int block = blocks++;
        int frame = pool.pin(file, block);
        try {
            StampedLock lock = pool.lock(frame);
            long stamp = lock.writeLock();
            try {
                MemorySegment page = pool.segment(frame);
                BTreePage.init(page, kind);
                page.set(java.lang.foreign.ValueLayout.JAVA_BYTE, 1, (byte) level);
            } finally {
                lock.unlockWrite(stamp);
            }
            pool.markDirty(frame);
        } finally {
            pool.unpin(frame);
        }
        return block;
    }

    /** The number of pages, for tests and statistics. */
    public int pages() {
        writers.lock();
        try {
            return blocks;
        } finally {
            writers.unlock();
        }
    }

    /** The tree's height: 1 while the root is a leaf. */
    public int height() {
        return (int) (root >>> 32) + 1;
    }
}
