package org.modgres.shmem.impl.page;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.ConcurrentHashMap;

/** Page "files" on the Java heap, for storage that keeps nothing on disk: evicted pages go here. */
public final class MemoryPageFiles implements PageFiles {

    private final ConcurrentHashMap<Long, byte[]> pages = new ConcurrentHashMap<>();

    @Override
    public void read(int file, int block, MemorySegment page) {
        byte[] stored = pages.get(key(file, block));
        if (stored == null) {
            page.fill((byte) 0);
        } else {
            MemorySegment.copy(stored, 0, page, ValueLayout.JAVA_BYTE, 0, stored.length);
        }
    }

    @Override
    public void write(int file, int block, MemorySegment page) {
        pages.put(key(file, block), page.toArray(ValueLayout.JAVA_BYTE));
    }

    /** Forgets a file's pages. */
    public void delete(int file) {
        pages.keySet().removeIf(key -> (int) (key >>> 32) == file);
    }

    private static long key(int file, int block) {
        return (long) file << 32 | (block & 0xFFFFFFFFL);
    }
}
