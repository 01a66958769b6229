package org.modgres.shmem.impl.btree;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The entries of a range of a {@link BTree}, ascending or descending, a leaf's worth at a time.
 * It holds no pin or latch between calls: it copies the entries of a leaf (moving right past
 * leaves with none) and, for the next ones, finds its place again from the root by the last entry
 * it returned; going down, a leaf without entries below the bound sends it back to the root with
 * the leaf's low fence, the lowest entry the leaf may hold, as the new bound.
 */
public final class BTreeCursor {

    private final BTree tree;
    private byte[] lower;
    private boolean lowerAfter;
    private byte[] upper;
    private boolean upperAfter;
    private final boolean descending;
    private final List<byte[]> batch = new ArrayList<>();
    private int position;
    private boolean finished;
    private byte[] current;

    BTreeCursor(BTree tree, byte[] lower, boolean lowerAfter, byte[] upper, boolean upperAfter, boolean descending) {
        this.tree = tree;
        this.lower = lower;
        this.lowerAfter = lowerAfter;
        this.upper = upper;
        this.upperAfter = upperAfter;
        this.descending = descending;
    }

    public boolean next() {
        while (position >= batch.size()) {
            if (finished) {
                current = null;
                return false;
            }
            batch.clear();
            position = 0;
            if (descending) {
                fetchDescending();
            } else {
                fetchAscending();
            }
        }
        current = batch.get(position++);
        return true;
    }

    /** The current entry's key. */
    public byte[] key() {
        return Arrays.copyOf(current, current.length - BTree.ROW_ID);
    }

    /** Whether the current entry's key is {@code key}. */
    public boolean keyEquals(byte[] key) {
        return Arrays.equals(current, 0, current.length - BTree.ROW_ID, key, 0, key.length);
    }

    /** Whether the current entry's key starts with {@code prefix}. */
    public boolean keyStartsWith(byte[] prefix) {
        return current.length - BTree.ROW_ID >= prefix.length
                && Arrays.equals(current, 0, prefix.length, prefix, 0, prefix.length);
    }

    public long rowId() {
        long id = 0;
        for (int i = current.length - BTree.ROW_ID; i < current.length; i++) {
            id = id << 8 | (current[i] & 0xFF);
        }
        return id;
    }

    private void fetchAscending() {
        BTree.Descent descent = new BTree.Descent();
        descent.bound = lower;
        descent.after = lowerAfter;
        int block = tree.descend(descent);
        AscendingBatch visit = new AscendingBatch();
        while (tree.read(block, visit) == BTree.CONTINUE) {
            block = visit.next;
        }
        if (!batch.isEmpty()) {
            lower = batch.getLast();
            lowerAfter = true;
        }
    }

    private void fetchDescending() {
        BTree.Descent descent = new BTree.Descent();
        descent.bound = upper;
        descent.after = upperAfter;
        descent.toEnd = upper == null;
        descent.keepFence = true;
        int block = tree.descend(descent);
        DescendingBatch visit = new DescendingBatch(descent.toEnd, descent.fence);
        int result;
        while ((result = tree.read(block, visit)) == BTree.CONTINUE) {
            block = visit.next;
        }
        if (result == BTree.GO_LEFT) {
            upper = visit.fence;
            upperAfter = false;
        } else if (!batch.isEmpty()) {
            upper = batch.getLast();
            upperAfter = false;
        }
    }

    /** Copies the entries above the lower bound from a leaf, moving right past leaves with none. */
    private final class AscendingBatch extends BTree.PageVisit {
        int next;
        private int sizeBefore;

        @Override
        int visit(MemorySegment page) {
            sizeBefore = batch.size();
            if (BTreePage.kind(page) != BTreePage.LEAF) {
                throw new IllegalStateException("torn page: not a leaf");
            }
            int right = BTreePage.rightLink(page);
            if (right != BTreePage.NO_PAGE && BTreePage.boundAboveHighKey(page, lower, lowerAfter)) {
                next = right;
                return BTree.CONTINUE;
            }
            int n = BTreePage.count(page);
            for (int i = BTreePage.countBelow(page, 0, lower, lowerAfter); i < n; i++) {
                int offset = BTreePage.itemOffset(page, i);
                int length = BTreePage.itemLength(page, offset);
                if (upper != null && BTreePage.compare(page, offset, length, upper, upperAfter) > 0) {
                    finished = true;
                    return BTree.DONE;
                }
                batch.add(BTreePage.bytes(page, offset, length));
            }
            if (right == BTreePage.NO_PAGE || upper != null && !BTreePage.boundAboveHighKey(page, upper, upperAfter)) {
                finished = true;
                return BTree.DONE;
            }
            if (batch.isEmpty()) {
                next = right;
                return BTree.CONTINUE;
            }
            return BTree.DONE;
        }

        @Override
        void reset() {
            // a torn read may have seen an end that is not there
            finished = false;
            while (batch.size() > sizeBefore) {
                batch.removeLast();
            }
        }
    }

    /** Copies the entries below the upper bound from a leaf, last first; says to go left when it has none. */
    private final class DescendingBatch extends BTree.PageVisit {
        private final boolean toEnd;
        byte[] fence;
        private byte[] fenceBefore;
        int next;

        DescendingBatch(boolean toEnd, byte[] fence) {
            this.toEnd = toEnd;
            this.fence = fence;
        }

        @Override
        int visit(MemorySegment page) {
            fenceBefore = fence;
            if (BTreePage.kind(page) != BTreePage.LEAF) {
                throw new IllegalStateException("torn page: not a leaf");
            }
            int right = BTreePage.rightLink(page);
            if (right != BTreePage.NO_PAGE && (toEnd || BTreePage.boundAboveHighKey(page, upper, upperAfter))) {
                fence = BTreePage.highKey(page);
                next = right;
                return BTree.CONTINUE;
            }
            int below = toEnd ? BTreePage.count(page) : BTreePage.countBelow(page, 0, upper, upperAfter);
            for (int i = below - 1; i >= 0; i--) {
                int offset = BTreePage.itemOffset(page, i);
                int length = BTreePage.itemLength(page, offset);
                if (BTreePage.compare(page, offset, length, lower, lowerAfter) < 0) {
                    finished = true;
                    return BTree.DONE;
                }
                batch.add(BTreePage.bytes(page, offset, length));
            }
            if (fence == null) {
                finished = true;
                return BTree.DONE;
            }
            return batch.isEmpty() ? BTree.GO_LEFT : BTree.DONE;
        }

        @Override
        void reset() {
            finished = false;
            batch.clear();
            fence = fenceBefore;
        }
    }
}
