package org.modgres.shmem.impl;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.ref.Cleaner;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

import org.modgres.shmem.impl.btree.BTree;
import org.modgres.shmem.impl.codec.RowCodec;
import org.modgres.shmem.impl.page.BufferPool;
import org.modgres.shmem.impl.page.HeapFile;
import org.modgres.shmem.impl.page.MemoryPageFiles;
import org.modgres.shmem.impl.page.RelationFiles;

/**
 * The heap files of all tables and the buffer pool they are read through: where the values of
 * row versions live (see {@link TupleHeap}).
 *
 * <p>For now the heap files are not the durable copy of the rows: the log and the checkpoint
 * images are. The files are deleted at start and filled again as recovery loads the checkpoint
 * and replays the log, so they need neither page LSNs nor write-ahead ordering yet.
 *
 * <p>A tuple is freed only when nobody can read it any more. Whoever unlinks a version retires its
 * tuple with the next transaction id as stamp; vacuum frees retired tuples once its horizon is
 * past the stamp (every transaction and snapshot that could have picked up a reference to the
 * version has ended) and no checkpoint is copying rows (a checkpoint copies references to
 * versions and reads their values later). A whole file (a dropped table, a layout replaced by
 * ALTER TABLE, a rolled-back CREATE TABLE) is retired the same way when the transaction ends, and
 * deleted by vacuum on the same terms; should its {@link TupleHeap} become garbage before (storage
 * without vacuum, a table dropped by recovery), a cleaner deletes it then, since no version,
 * undo entry or checkpoint image can reach its tuples any more.
 *
 * <p>The indexes' B-trees ({@link BTree}) live in files of the same directory and pool, rebuilt
 * from the rows at start as the heap files are. A dropped table's index files are retired with
 * its heap file; an index replaced by a new definition of its table (a key or index added or
 * dropped, a rewrite) is deleted by the cleaner once nothing can reach its tree.
 */
final class Heaps implements AutoCloseable {

    /** PostgreSQL's default shared_buffers, 128MB. */
    static final long DEFAULT_SHARED_BUFFERS = 128L << 20;
    /** The pool of storage that keeps nothing on disk (tests, a server without a data directory). */
    private static final int IN_MEMORY_FRAMES = 512;
    private static final Cleaner CLEANER = Cleaner.create(Thread.ofPlatform().daemon().name("modgres-heap-cleaner")
            .factory());

    private final BufferPool pool;
    private final IntConsumer deleteFile;
    /** The files on disk, or null when pages are evicted to the Java heap. */
    private final RelationFiles files;
    /** Numbers files uniquely in the process, so that the cleaner of an engine closed before never deletes a file of a newer one. */
    private static final AtomicInteger NEXT_FILE = new AtomicInteger(1);
    private final AtomicInteger runningCheckpoints = new AtomicInteger();
    private final Set<TupleHeap> withRetired = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<RetiredFile> retiredFiles = new ConcurrentLinkedQueue<>();
    private volatile LongSupplier nextXid = () -> 0;

    private Heaps(BufferPool pool, IntConsumer deleteFile, RelationFiles files) {
        this.pool = pool;
        this.deleteFile = deleteFile;
        this.files = files;
    }

    /** Heaps whose evicted pages stay on the Java heap, in a pool the garbage collector frees. */
    static Heaps inMemory() {
        MemoryPageFiles files = new MemoryPageFiles();
        return new Heaps(new BufferPool(IN_MEMORY_FRAMES, files, Arena.ofAuto()), files::delete, null);
    }

    /** The size of the buffer pool in bytes. */
    long poolBytes() {
        return (long) pool.frameCount() * BufferPool.PAGE_SIZE;
    }

    /** Heaps in {@code directory}, emptied first: the files are rebuilt from the checkpoint and the log. */
    static Heaps open(Path directory, long sharedBuffers) throws IOException {
        RelationFiles files = new RelationFiles(directory);
        files.deleteAll();
        int frames = (int) Math.min(Integer.MAX_VALUE, sharedBuffers / BufferPool.PAGE_SIZE);
        return new Heaps(new BufferPool(frames, files, Arena.ofShared()), files::delete, files);
    }

    /** From now on, stamps retired tuples with the transaction ids the engine hands out. */
    void stampWith(LongSupplier nextXid) {
        this.nextXid = nextXid;
    }

    /** A new heap file for rows in the layout {@code codec} reads. */
    TupleHeap create(RowCodec codec) {
        int number = NEXT_FILE.getAndIncrement();
        return deletedWhenUnreachable(new TupleHeap(this, new HeapFile(pool, number), codec), number);
    }

    /** A new, empty B-tree for an index; its file goes when the table is dropped, or when nobody can reach it. */
    BTree createTree() {
        int number = NEXT_FILE.getAndIncrement();
        return deletedWhenUnreachable(new BTree(pool, number), number);
    }

    /** Forgets the pages of a heap or tree, and deletes its file, once nothing can reach it. */
    private <T> T deletedWhenUnreachable(T owner, int number) {
        BufferPool pages = pool;
        IntConsumer delete = deleteFile;
        CLEANER.register(owner, () -> {
            // nobody reaches the file's owner any more, so a busy page of it is only being written back
            while (!pages.dropFile(number)) {
                Thread.onSpinWait();
            }
            delete.accept(number);
        });
        return owner;
    }

    long retireStamp() {
        return nextXid.getAsLong();
    }

    void hasRetired(TupleHeap heap) {
        withRetired.add(heap);
    }

    /** A heap or index file nobody will read once every transaction running at {@code stamp} has ended. */
    private record RetiredFile(TupleHeap heap, int fileNumber, long stamp) {
    }

    /** Retires the heap files a committed transaction left: of the tables it dropped, and of the layouts it rewrote. */
    void committed(List<UndoEntry> undoLog) {
        for (UndoEntry entry : undoLog) {
            if (entry instanceof UndoEntry.TableDropped dropped) {
                retireFile(dropped.table().rows().heap());
                for (KeyIndex index : dropped.table().keyIndexes()) {
                    retiredFiles.add(new RetiredFile(null, index.tree().fileNumber(), retireStamp()));
                }
            } else if (entry instanceof UndoEntry.RowsRewritten rewritten) {
                retireFile(rewritten.previousRows().heap());
            }
        }
    }

    /** Retires a whole heap file, to be deleted once nobody can be reading it. */
    void retireFile(TupleHeap heap) {
        retiredFiles.add(new RetiredFile(heap, heap.fileNumber(), retireStamp()));
    }

    /** Runs a checkpoint, during which no retired tuple is freed. */
    <T, E extends Exception> T duringCheckpoint(CheckpointWork<T, E> work) throws E {
        runningCheckpoints.incrementAndGet();
        try {
            return work.run();
        } finally {
            runningCheckpoints.decrementAndGet();
        }
    }

    interface CheckpointWork<T, E extends Exception> {
        T run() throws E;
    }

    /** Frees the retired tuples nobody can read any more; vacuum calls it with its horizon. */
    void reclaim(long horizon) {
        if (runningCheckpoints.get() > 0) {
            return;
        }
        for (RetiredFile retired : retiredFiles) {
            if (retired.stamp() < horizon && retiredFiles.remove(retired)) {
                if (retired.heap() != null) {
                    retired.heap().drop();
                }
                if (pool.dropFile(retired.fileNumber())) {
                    deleteFile.accept(retired.fileNumber());
                } else {
                    // a page of it is still busy: the next round deletes it
                    retiredFiles.add(retired);
                }
            }
        }
        for (TupleHeap heap : withRetired) {
            // removed first: a tuple retired meanwhile adds the heap again
            withRetired.remove(heap);
            if (!heap.freeRetired(horizon)) {
                withRetired.add(heap);
            }
        }
    }

    @Override
    public void close() {
        pool.close();
        if (files != null) {
            files.close();
        }
    }
}
