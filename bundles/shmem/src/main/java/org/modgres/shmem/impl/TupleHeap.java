package org.modgres.shmem.impl;

import java.util.Arrays;

import org.modgres.shmem.impl.codec.ByteInput;
import org.modgres.shmem.impl.codec.ByteOutput;
import org.modgres.shmem.impl.codec.RowCodec;
import org.modgres.shmem.impl.page.HeapFile;
import org.modgres.shmem.impl.page.HeapPage;

/**
 * The values of one table's row versions in one layout: encoded by the layout's {@link RowCodec}
 * into tuples of a heap file, read back when a version's values are asked for. A table rewritten
 * for a column added or dropped gets a new one, as PostgreSQL gives it a new relfilenode.
 */
final class TupleHeap {

    private final Heaps heaps;
    private final HeapFile file;
    private final RowCodec codec;
    /** Retired TIDs and their stamps, in pairs, oldest first; guarded by this. */
    private long[] retired = new long[0];
    private int retiredCount;
    /** Whether the whole file was deleted: its retired tuples need no freeing. */
    private volatile boolean dropped;

    TupleHeap(Heaps heaps, HeapFile file, RowCodec codec) {
        this.heaps = heaps;
        this.file = file;
        this.codec = codec;
    }

    RowCodec codec() {
        return codec;
    }

    int fileNumber() {
        return file.fileNumber();
    }

    /** Forgets the retired tuples of a file about to be deleted. */
    void drop() {
        dropped = true;
        synchronized (this) {
            retired = new long[0];
            retiredCount = 0;
        }
    }

    boolean isDropped() {
        return dropped;
    }

    /** The length of the heap file in pages. */
    int blocks() {
        return file.blocks();
    }

    /** Stores a row; returns its TID, or -1 when it is longer than a page holds and must stay on the Java heap. */
    long store(Object[] row) {
        // a new buffer each time: a thread-local one would stay with every (virtual) backend thread
        ByteOutput out = new ByteOutput(256);
        codec.write(out, row);
        if (out.size() > HeapPage.MAX_TUPLE) {
            return -1;
        }
        return file.insert(out.array(), out.size());
    }

    Object[] read(long tid) {
        return codec.read(new ByteInput(file.read(tid)));
    }

    /** Marks a tuple for freeing once nobody can be reading it (see {@link Heaps}). */
    void retire(long tid) {
        if (dropped) {
            return;
        }
        long stamp = heaps.retireStamp();
        synchronized (this) {
            if (retiredCount * 2 == retired.length) {
                retired = Arrays.copyOf(retired, Math.max(64, retired.length * 2));
            }
            retired[retiredCount * 2] = tid;
            retired[retiredCount * 2 + 1] = stamp;
            retiredCount++;
        }
        heaps.hasRetired(this);
    }

    /** Frees the retired tuples stamped below the horizon; returns whether none is left. */
    boolean freeRetired(long horizon) {
        long[] due;
        int count;
        synchronized (this) {
            count = 0;
            while (count < retiredCount && retired[count * 2 + 1] < horizon) {
                count++;
            }
            due = Arrays.copyOf(retired, count * 2);
            System.arraycopy(retired, count * 2, retired, 0, (retiredCount - count) * 2);
            retiredCount -= count;
        }
        for (int i = 0; i < count && !dropped; i++) {
            file.free(due[i * 2]);
        }
        synchronized (this) {
            if (retiredCount == 0 && retired.length > 1024) {
                retired = new long[0];
            }
            return retiredCount == 0;
        }
    }
}
