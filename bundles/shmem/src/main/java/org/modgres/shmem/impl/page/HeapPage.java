package org.modgres.shmem.impl.page;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The layout of a heap page, a slotted page as PostgreSQL's: an 8-byte header, then the line
 * pointers growing up from the header, the tuples growing down from the end, free space between.
 * <pre>
 *   0: lower      u16  end of the line pointers (0: the page was never used)
 *   2: upper      u16  start of the tuples
 *   4: fragmented u16  bytes of freed tuples between upper and the end, regained by compaction
 *   6: unused     u16  line pointers that point nowhere, for new tuples to take
 *   8: line pointer n at 8 + 4n: offset u16 (0: unused), length u16
 * </pre>
 * A slot number stays with its tuple for the tuple's life, so a TID (block, slot) does not change
 * when compaction moves the tuple's bytes. The caller holds the page's lock as the methods say.
 */
public final class HeapPage {

    static final int HEADER = 8;
    static final int LINE_POINTER = 4;
    /** The largest tuple a page can hold; longer rows stay out of the heap (no TOAST yet). */
    public static final int MAX_TUPLE = BufferPool.PAGE_SIZE - HEADER - LINE_POINTER;

    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT;

    private HeapPage() {
    }

    private static int get(MemorySegment page, long offset) {
        return page.get(U16, offset) & 0xFFFF;
    }

    private static void set(MemorySegment page, long offset, int value) {
        page.set(U16, offset, (short) value);
    }

    private static void initializeIfNew(MemorySegment page) {
        if (get(page, 0) == 0) {
            set(page, 0, HEADER);
            set(page, 2, BufferPool.PAGE_SIZE);
            set(page, 4, 0);
            set(page, 6, 0);
        }
    }

    /** Space a new tuple can have, compaction included. Caller holds the lock (either mode). */
    public static int freeSpace(MemorySegment page) {
        int lower = get(page, 0);
        if (lower == 0) {
            return MAX_TUPLE;
        }
        int free = get(page, 2) - lower + get(page, 4);
        return get(page, 6) > 0 ? free : free - LINE_POINTER;
    }

    /** Adds a tuple; returns its slot, or -1 when it does not fit. Caller holds the write lock. */
    public static int insert(MemorySegment page, byte[] tuple, int length) {
        initializeIfNew(page);
        if (freeSpace(page) < length) {
            return -1;
        }
        int lower = get(page, 0);
        int unused = get(page, 6);
        int needed = length + (unused > 0 ? 0 : LINE_POINTER);
        if (get(page, 2) - lower < needed) {
            compact(page);
        }
        int upper = get(page, 2) - length;
        MemorySegment.copy(tuple, 0, page, ValueLayout.JAVA_BYTE, upper, length);
        set(page, 2, upper);
        int slot;
        if (unused > 0) {
            slot = 0;
            while (get(page, HEADER + (long) slot * LINE_POINTER) != 0) {
                slot++;
            }
            set(page, 6, unused - 1);
        } else {
            slot = (lower - HEADER) / LINE_POINTER;
            set(page, 0, lower + LINE_POINTER);
        }
        long pointer = HEADER + (long) slot * LINE_POINTER;
        set(page, pointer, upper);
        set(page, pointer + 2, length);
        return slot;
    }

    /**
     * Copies a tuple out. Under an optimistic read a concurrent compaction can show it torn
     * offsets: they are checked, so it throws rather than reading outside the page.
     */
    public static byte[] read(MemorySegment page, int slot) {
        int lower = get(page, 0);
        if (slot < 0 || slot >= (lower - HEADER) / LINE_POINTER) {
            throw new IllegalStateException("no tuple in slot " + slot);
        }
        long pointer = HEADER + (long) slot * LINE_POINTER;
        int offset = get(page, pointer);
        int length = get(page, pointer + 2);
        if (offset == 0 || offset < lower || offset + length > BufferPool.PAGE_SIZE) {
            throw new IllegalStateException("no tuple in slot " + slot);
        }
        byte[] tuple = new byte[length];
        MemorySegment.copy(page, ValueLayout.JAVA_BYTE, offset, tuple, 0, length);
        return tuple;
    }

    /** Frees a tuple's slot and bytes. Caller holds the write lock. */
    public static void free(MemorySegment page, int slot) {
        long pointer = HEADER + (long) slot * LINE_POINTER;
        int offset = get(page, pointer);
        if (offset == 0 || slot >= (get(page, 0) - HEADER) / LINE_POINTER) {
            throw new IllegalStateException("slot " + slot + " is not in use");
        }
        int length = get(page, pointer + 2);
        set(page, pointer, 0);
        set(page, pointer + 2, 0);
        if (offset == get(page, 2)) {
            set(page, 2, offset + length);
        } else {
            set(page, 4, get(page, 4) + length);
        }
        set(page, 6, get(page, 6) + 1);
    }

    /** Moves the tuples together at the end of the page, keeping their slots. Caller holds the write lock. */
    static void compact(MemorySegment page) {
        byte[] copy = page.toArray(ValueLayout.JAVA_BYTE);
        int slots = (get(page, 0) - HEADER) / LINE_POINTER;
        int upper = BufferPool.PAGE_SIZE;
        for (int slot = 0; slot < slots; slot++) {
            long pointer = HEADER + (long) slot * LINE_POINTER;
            int offset = get(page, pointer);
            if (offset == 0) {
                continue;
            }
            int length = get(page, pointer + 2);
            upper -= length;
            MemorySegment.copy(copy, offset, page, ValueLayout.JAVA_BYTE, upper, length);
            set(page, pointer, upper);
        }
        set(page, 2, upper);
        set(page, 4, 0);
    }
}
