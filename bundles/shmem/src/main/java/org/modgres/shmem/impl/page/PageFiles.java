package org.modgres.shmem.impl.page;

import java.lang.foreign.MemorySegment;

/** Where the buffer pool reads pages from and writes them back to: files of 8 KiB blocks by number. */
public interface PageFiles {

    /** Fills {@code page} with the block; a block past the end of its file reads as zeros. */
    void read(int file, int block, MemorySegment page);

    void write(int file, int block, MemorySegment page);
}
