package org.modgres.shmem.impl.btree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import org.modgres.shmem.impl.page.BufferPool;

/**
 * The layout of one 8 KiB B-tree page, leaf or internal, as static accessors over its segment.
 *
 * <pre>
 * 0  byte  kind: 0 not yet initialised, 1 leaf, 2 internal
 * 2  short item count
 * 4  int   right sibling's block, or -1 for the rightmost page of its level
 * 8  short offset of the high key (0: none, the page is rightmost), 10 short its length
 * 12 short end of the slot array, 14 short start of the item data
 * 16 slot array, in key order: per item the offset of the item (short) and the item's first nine
 *    entry bytes, so that a binary search reads the items themselves only where those are equal
 * .. free space ..
 * item data, growing down from the end: [short length][entry bytes], internal items then [int child]
 * </pre>
 *
 * An entry is an encoded key followed by the row id (8 bytes, big-endian), so entries are unique
 * and sort by key, then row id. The high key is an exclusive upper bound on the page's entries
 * (the right sibling holds entries at or above it, as Lehman and Yao's B-link tree has it): a
 * reader that finds its bound above the high key moves right, so splits need no latch coupling.
 * An internal page's first item has an empty key, lower than every bound; item i's child holds
 * the entries from item i's key up to item i+1's.
 */
final class BTreePage {

    static final int LEAF = 1;
    static final int INTERNAL = 2;
    static final int NO_PAGE = -1;
    static final int HEADER = 16;
    /** A slot: the item's offset, then its first entry byte and the next eight as a big-endian long. */
    static final int SLOT = 11;
    static final int SIZE = BufferPool.PAGE_SIZE;
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG_BIG_ENDIAN = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final VarHandle BYTES_AS_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private BTreePage() {
    }

    static void init(MemorySegment page, int kind) {
        page.asSlice(0, HEADER).fill((byte) 0);
        page.set(ValueLayout.JAVA_BYTE, 0, (byte) kind);
        page.set(INT, 4, NO_PAGE);
        page.set(SHORT, 12, (short) HEADER);
        page.set(SHORT, 14, (short) SIZE);
    }

    static int kind(MemorySegment page) {
        return page.get(ValueLayout.JAVA_BYTE, 0);
    }

    static int count(MemorySegment page) {
        return page.get(SHORT, 2);
    }

    static int rightLink(MemorySegment page) {
        return page.get(INT, 4);
    }

    static void setRightLink(MemorySegment page, int block) {
        page.set(INT, 4, block);
    }

    /** The offset of the high key's bytes, 0 when the page has none. */
    static int highKeyOffset(MemorySegment page) {
        return page.get(SHORT, 8);
    }

    static int highKeyLength(MemorySegment page) {
        return page.get(SHORT, 10);
    }

    static int freeSpace(MemorySegment page) {
        return page.get(SHORT, 14) - page.get(SHORT, 12);
    }

    /** The offset of item i's entry bytes. */
    static int itemOffset(MemorySegment page, int i) {
        return page.get(SHORT, HEADER + (long) SLOT * i) + 2;
    }

    /** The length of the entry bytes at an item offset. */
    static int itemLength(MemorySegment page, int offset) {
        return page.get(SHORT, offset - 2);
    }

    /** The child of an internal item whose entry bytes are at {@code offset} and {@code length} long. */
    static int child(MemorySegment page, int offset, int length) {
        return page.get(INT, offset + length);
    }

    static byte[] bytes(MemorySegment page, int offset, int length) {
        byte[] bytes = new byte[length];
        MemorySegment.copy(page, ValueLayout.JAVA_BYTE, offset, bytes, 0, length);
        return bytes;
    }

    /** The row id at the end of a leaf entry. */
    static long rowId(MemorySegment page, int offset, int length) {
        return page.get(LONG_BIG_ENDIAN, offset + length - 8);
    }

    /** The space an item of {@code length} entry bytes takes, its slot included. */
    static int itemSpace(int kind, int length) {
        return SLOT + 2 + length + (kind == INTERNAL ? 4 : 0);
    }

    /**
     * Compares the bytes at {@code offset} with a bound that lies just before ({@code after} false)
     * or just after every byte string {@code bound} is a prefix of; never 0, as no entry equals a bound.
     */
    static int compare(MemorySegment page, int offset, int length, byte[] bound, boolean after) {
        int common = Math.min(length, bound.length);
        int i = 0;
        for (; i + 8 <= common; i += 8) {
            long a = page.get(LONG_BIG_ENDIAN, offset + i);
            long b = (long) BYTES_AS_LONG.get(bound, i);
            if (a != b) {
                return Long.compareUnsigned(a, b);
            }
        }
        for (; i < common; i++) {
            int a = page.get(ValueLayout.JAVA_BYTE, offset + i) & 0xFF;
            int b = bound[i] & 0xFF;
            if (a != b) {
                return a - b;
            }
        }
        if (length >= bound.length) {
            return after ? -1 : 1;
        }
        return -1;
    }

    /** Whether the bytes at {@code offset} start with {@code prefix}. */
    static boolean startsWith(MemorySegment page, int offset, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        int i = 0;
        for (; i + 8 <= prefix.length; i += 8) {
            if (page.get(LONG_BIG_ENDIAN, offset + i) != (long) BYTES_AS_LONG.get(prefix, i)) {
                return false;
            }
        }
        for (; i < prefix.length; i++) {
            if (page.get(ValueLayout.JAVA_BYTE, offset + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of items below the bound, from item {@code from} on (1 for an internal page,
     * whose first key is lower than everything): the position of the first item above it.
     */
    static int countBelow(MemorySegment page, int from, byte[] bound, boolean after) {
        int low = from;
        int high = count(page);
        if (high < low || high > SIZE / SLOT) {
            throw new IllegalStateException("torn page");
        }
        int boundFirst = bound.length > 0 ? bound[0] & 0xFF : -1;
        long boundNext = prefixAfterFirst(bound);
        // where the bound is shorter than a slot's nine bytes, its zero padding decides nothing
        int decisive = Math.min(9, bound.length);
        while (low < high) {
            int middle = (low + high) >>> 1;
            long slot = HEADER + (long) SLOT * middle;
            int order = decisive == 0 ? 0 : comparePrefix(page, slot, boundFirst, boundNext, decisive);
            if (order == 0) {
                int offset = page.get(SHORT, slot) + 2;
                order = compare(page, offset, itemLength(page, offset), bound, after);
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Compares a slot's nine entry bytes (every entry has at least nine: a key tag and a row id)
     * with the bound's; 0 when they do not differ before {@code decisive} bytes.
     */
    private static int comparePrefix(MemorySegment page, long slot, int boundFirst, long boundNext, int decisive) {
        int first = page.get(ValueLayout.JAVA_BYTE, slot + 2) & 0xFF;
        if (first != boundFirst) {
            return first - boundFirst;
        }
        long next = page.get(LONG_BIG_ENDIAN, slot + 3);
        if (next == boundNext) {
            return 0;
        }
        int position = 1 + Long.numberOfLeadingZeros(next ^ boundNext) / 8;
        return position < decisive ? Long.compareUnsigned(next, boundNext) : 0;
    }

    /** Bytes 1 to 8 of {@code bytes} as a big-endian long, zeros past its end. */
    private static long prefixAfterFirst(byte[] bytes) {
        if (bytes.length >= 9) {
            return (long) BYTES_AS_LONG.get(bytes, 1);
        }
        long prefix = 0;
        for (int i = 1; i < 9; i++) {
            prefix = prefix << 8 | (i < bytes.length ? bytes[i] & 0xFF : 0);
        }
        return prefix;
    }

    /** Whether the page's high key lies below the bound, so that what the bound looks for is further right. */
    static boolean boundAboveHighKey(MemorySegment page, byte[] bound, boolean after) {
        int offset = highKeyOffset(page);
        return offset != 0 && compare(page, offset, highKeyLength(page), bound, after) < 0;
    }

    /**
     * Inserts an item at position {@code at}; the caller checked that it fits in the free space.
     * {@code child} is written for an internal page.
     */
    static void insert(MemorySegment page, int at, byte[] entry, int child) {
        int kind = kind(page);
        int count = count(page);
        int dataLength = 2 + entry.length + (kind == INTERNAL ? 4 : 0);
        int start = page.get(SHORT, 14) - dataLength;
        page.set(SHORT, start, (short) entry.length);
        MemorySegment.copy(entry, 0, page, ValueLayout.JAVA_BYTE, start + 2, entry.length);
        if (kind == INTERNAL) {
            page.set(INT, start + 2 + entry.length, child);
        }
        long slot = HEADER + (long) SLOT * at;
        MemorySegment.copy(page, slot, page, slot + SLOT, (long) SLOT * (count - at));
        page.set(SHORT, slot, (short) start);
        page.set(ValueLayout.JAVA_BYTE, slot + 2, entry.length > 0 ? entry[0] : 0);
        page.set(LONG_BIG_ENDIAN, slot + 3, prefixAfterFirst(entry));
        page.set(SHORT, 2, (short) (count + 1));
        page.set(SHORT, 12, (short) (HEADER + SLOT * (count + 1)));
        page.set(SHORT, 14, (short) start);
    }

    /** Removes item {@code at}; its bytes stay until the page is rebuilt. */
    static void remove(MemorySegment page, int at) {
        int count = count(page);
        long slot = HEADER + (long) SLOT * at;
        MemorySegment.copy(page, slot + SLOT, page, slot, (long) SLOT * (count - at - 1));
        page.set(SHORT, 2, (short) (count - 1));
        page.set(SHORT, 12, (short) (HEADER + SLOT * (count - 1)));
    }

    /** Sets the high key; only while the page is being rebuilt, before its items are written. */
    static void setHighKey(MemorySegment page, byte[] highKey) {
        if (highKey == null) {
            page.set(SHORT, 8, (short) 0);
            page.set(SHORT, 10, (short) 0);
            return;
        }
        int start = page.get(SHORT, 14) - highKey.length;
        MemorySegment.copy(highKey, 0, page, ValueLayout.JAVA_BYTE, start, highKey.length);
        page.set(SHORT, 8, (short) start);
        page.set(SHORT, 10, (short) highKey.length);
        page.set(SHORT, 14, (short) start);
    }

    static byte[] highKey(MemorySegment page) {
        int offset = highKeyOffset(page);
        return offset == 0 ? null : bytes(page, offset, highKeyLength(page));
    }

    /** The bytes the page's items take, their slots included, as a rebuilt page would hold them. */
    static int usedSpace(MemorySegment page) {
        int kind = kind(page);
        int used = 0;
        for (int i = 0, n = count(page); i < n; i++) {
            used += itemSpace(kind, itemLength(page, itemOffset(page, i)));
        }
        int highKey = highKeyLength(page);
        return used + highKey;
    }
}
