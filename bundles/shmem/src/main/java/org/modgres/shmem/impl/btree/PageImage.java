package org.modgres.shmem.impl.btree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * A B-tree page's items copied to the Java heap, for a writer that rebuilds a page (to regain the
 * bytes of deleted items) or splits it in two.
 */
final class PageImage {

    private final int kind;
    private final int level;
    private final List<byte[]> entries = new ArrayList<>();
    private final List<Integer> children = new ArrayList<>();
    final byte[] highKey;
    final int rightLink;

    private PageImage(int kind, int level, byte[] highKey, int rightLink) {
        this.kind = kind;
        this.level = level;
        this.highKey = highKey;
        this.rightLink = rightLink;
    }

    /** Copies a page the caller may read: it is the only writer. */
    static PageImage of(MemorySegment page) {
        int kind = BTreePage.kind(page);
        PageImage image = new PageImage(kind, page.get(ValueLayout.JAVA_BYTE, 1), BTreePage.highKey(page),
                BTreePage.rightLink(page));
        for (int i = 0, n = BTreePage.count(page); i < n; i++) {
            int offset = BTreePage.itemOffset(page, i);
            int length = BTreePage.itemLength(page, offset);
            image.entries.add(BTreePage.bytes(page, offset, length));
            image.children.add(kind == BTreePage.INTERNAL ? BTreePage.child(page, offset, length) : 0);
        }
        return image;
    }

    int size() {
        return entries.size();
    }

    byte[] entry(int i) {
        return entries.get(i);
    }

    void add(int at, byte[] entry, int child) {
        entries.add(at, entry);
        children.add(at, child);
    }

    /** Whether items {@code from} to {@code to} and a high key fit in one page. */
    private boolean fits(int from, int to, byte[] highKey) {
        int used = BTreePage.HEADER + (highKey == null ? 0 : highKey.length);
        for (int i = from; i < to; i++) {
            // the first item of a right internal page loses its key
            int length = kind == BTreePage.INTERNAL && i == from && from > 0 ? 0 : entries.get(i).length;
            used += BTreePage.itemSpace(kind, length);
        }
        return used <= BTreePage.SIZE;
    }

    boolean fits() {
        return fits(0, size(), highKey);
    }

    /**
     * Where to split: after every old item when the new one ({@code inserted}) went to the end of
     * the rightmost page, as ascending keys do, so that pages fill up; else near the middle by
     * bytes, at a point where both halves fit.
     */
    int splitPoint(int inserted) {
        int n = size();
        if (inserted == n - 1 && rightLink == BTreePage.NO_PAGE) {
            // the left page gains a high key, so it may have to give up an item or two more
            for (int candidate = n - 1; candidate >= Math.max(1, n - 4); candidate--) {
                if (fits(0, candidate, entries.get(candidate)) && fits(candidate, n, highKey)) {
                    return candidate;
                }
            }
        }
        int total = 0;
        for (byte[] entry : entries) {
            total += entry.length;
        }
        int middle = 1;
        for (int sum = 0; middle < n - 1; middle++) {
            sum += entries.get(middle - 1).length;
            if (sum * 2 >= total) {
                break;
            }
        }
        for (int distance = 0; distance < n; distance++) {
            for (int candidate : new int[] {middle - distance, middle + distance}) {
                if (candidate >= 1 && candidate <= n - 1 && fits(0, candidate, entries.get(candidate))
                        && fits(candidate, n, highKey)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("index entries too large to split a page");
    }

    /** Rewrites {@code page} with items {@code from} to {@code to}, a high key and a right sibling. */
    void writeTo(MemorySegment page, int from, int to, byte[] pageHighKey, int pageRightLink) {
        MemorySegment scratch = MemorySegment.ofArray(new byte[BTreePage.SIZE]);
        BTreePage.init(scratch, kind);
        scratch.set(ValueLayout.JAVA_BYTE, 1, (byte) level);
        BTreePage.setHighKey(scratch, pageHighKey);
        BTreePage.setRightLink(scratch, pageRightLink);
        for (int i = from; i < to; i++) {
            byte[] entry = kind == BTreePage.INTERNAL && i == from && from > 0 ? new byte[0] : entries.get(i);
            BTreePage.insert(scratch, i - from, entry, children.get(i));
        }
        MemorySegment.copy(scratch, 0, page, 0, BTreePage.SIZE);
    }
}
