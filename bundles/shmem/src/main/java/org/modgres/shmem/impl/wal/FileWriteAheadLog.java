package org.modgres.shmem.impl.wal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log in segment files of a directory ({@code pg_wal}). Appends are queued in memory and
 * written by one writer thread, which forces the files whenever a caller waits in {@link #force}:
 * every committer waiting at that moment shares the one {@code fdatasync} (group commit). Records
 * that nobody waits for are forced within {@code flushDelay} anyway.
 */
public final class FileWriteAheadLog implements WriteAheadLog {

    public static final long DEFAULT_SEGMENT_SIZE = 16L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(FileWriteAheadLog.class);
    /** Appenders wait while this much is queued and not yet written. */
    private static final long QUEUE_LIMIT = 32L << 20;

    private record Pending(long position, RecordBatch batch) {
    }

    private final SegmentFiles segments;
    private final long flushDelayNanos;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();
    private final Condition forcedAdvanced = lock.newCondition();
    private final Condition queueDrained = lock.newCondition();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private long queuedBytes;
    private long appendPosition = -1;
    private long writtenPosition;
    private long forcedPosition;
    private long forceRequested;
    private boolean closing;
    private IOException failure;
    private Thread writer;
    private long forces;

    /**
     * @param directory  where the segment files are; created when missing
     * @param flushDelay how long records may wait for a force when nobody asks for one
     */
    public FileWriteAheadLog(Path directory, long segmentSize, Duration flushDelay) throws IOException {
        Files.createDirectories(directory);
        this.segments = new SegmentFiles(directory, segmentSize);
        this.flushDelayNanos = flushDelay.toNanos();
    }

    @Override
    public LogReader read(long from) throws IOException {
        long start = segments.startOf(from);
        List<Long> existing = segments.existing();
        if (!existing.contains(start) && existing.stream().anyMatch(s -> s > start)) {
            throw new IOException("could not find log segment " + segments.path(start).getFileName()
                    + " holding position " + LogPositions.format(from) + ", though later segments exist");
        }
        return new FileLogReader(segments, from);
    }

    @Override
    public void truncate(long end) throws IOException {
        lock.lock();
        try {
            if (appendPosition >= 0) {
                throw new IllegalStateException("the log is already open for appending");
            }
            long endSegment = segments.startOf(end);
            int removed = 0;
            for (long start : segments.existing()) {
                Path file = segments.path(start);
                if (start > endSegment) {
                    Files.delete(file);
                    removed++;
                    continue;
                }
                // what the previous server wrote may not have reached the disk when it died
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    if (start == endSegment) {
                        // zeros, not a shorter file: appends overwrite allocated blocks (see SegmentPreparer)
                        SegmentPreparer.clearTail(channel, end - start, segments.segmentSize());
                    } else {
                        channel.force(true);
                    }
                }
            }
            SegmentPreparer.discardLeftover(segments);
            if (removed > 0) {
                LOG.warn("removed {} log segment(s) after the end of the valid log at {}", removed,
                        LogPositions.format(end));
            }
            SegmentFiles.forceDirectory(segments.directory());
            appendPosition = end;
            writtenPosition = end;
            forcedPosition = end;
            forceRequested = end;
            writer = Thread.ofPlatform().daemon().name("modgres-wal-writer").start(this::runWriter);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long append(RecordBatch batch) throws IOException {
        if (!batch.complete() || batch.size() == 0) {
            throw new IllegalArgumentException("an empty or unfinished batch");
        }
        lock.lock();
        try {
            while (failure == null && !closing && queuedBytes > QUEUE_LIMIT) {
                queueDrained.awaitUninterruptibly();
            }
            checkUsable();
            long position = appendPosition;
            appendPosition += batch.size();
            queue.add(new Pending(position, batch));
            queuedBytes += batch.size();
            workArrived.signal();
            return appendPosition;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void force(long position) throws IOException {
        lock.lock();
        try {
            if (position > appendPosition) {
                throw new IllegalArgumentException("position " + LogPositions.format(position)
                        + " is beyond the end of the log " + LogPositions.format(appendPosition));
            }
            while (forcedPosition < position) {
                if (failure != null) {
                    throw new IOException("the write-ahead log failed: " + failure.getMessage(), failure);
                }
                if (writer == null || !writer.isAlive()) {
                    throw new IOException("the write-ahead log is closed");
                }
                if (forceRequested < position) {
                    forceRequested = position;
                    workArrived.signal();
                }
                forcedAdvanced.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long endPosition() {
        lock.lock();
        try {
            return appendPosition;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long durablePosition() {
        lock.lock();
        try {
            return forcedPosition;
        } finally {
            lock.unlock();
        }
    }

    /** Returns how many times the files were forced: fewer than commits when committers shared flushes. */
    public long forceCount() {
        lock.lock();
        try {
            return forces;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void discardBefore(long position) throws IOException {
        boolean removed = false;
        for (long start : segments.existing()) {
            if (start + segments.segmentSize() <= position) {
                Files.deleteIfExists(segments.path(start));
                removed = true;
            }
        }
        if (removed) {
            SegmentFiles.forceDirectory(segments.directory());
        }
    }

    @Override
    public void close() throws IOException {
        Thread running;
        lock.lock();
        try {
            closing = true;
            running = writer;
            workArrived.signalAll();
            queueDrained.signalAll();
        } finally {
            lock.unlock();
        }
        if (running != null) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while closing the write-ahead log", e);
            }
        }
        lock.lock();
        try {
            if (failure != null) {
                throw new IOException("the write-ahead log failed: " + failure.getMessage(), failure);
            }
        } finally {
            lock.unlock();
        }
    }

    private void checkUsable() throws IOException {
        if (failure != null) {
            throw new IOException("the write-ahead log failed: " + failure.getMessage(), failure);
        }
        if (closing) {
            throw new IOException("the write-ahead log is closed");
        }
        if (appendPosition < 0) {
            throw new IllegalStateException("the log's end is not known yet: truncate() first");
        }
    }

    private void runWriter() {
        List<Pending> work = new ArrayList<>();
        long unforcedSince = 0;
        try (SegmentWriter files = new SegmentWriter(segments)) {
            while (true) {
                boolean mustForce;
                long target;
                lock.lock();
                try {
                    while (queue.isEmpty() && forceRequested <= forcedPosition && !closing
                            && !overdue(unforcedSince)) {
                        if (writtenPosition > forcedPosition) {
                            workArrived.awaitNanos(Math.max(1, unforcedSince + flushDelayNanos - System.nanoTime()));
                        } else {
                            workArrived.await();
                        }
                    }
                    if (closing && queue.isEmpty() && writtenPosition == forcedPosition) {
                        return;
                    }
                    work.addAll(queue);
                    queue.clear();
                    queuedBytes = 0;
                    queueDrained.signalAll();
                } finally {
                    lock.unlock();
                }
                target = write(files, work);
                work.clear();
                lock.lock();
                try {
                    if (writtenPosition == forcedPosition && target > writtenPosition) {
                        unforcedSince = System.nanoTime();
                    }
                    writtenPosition = target;
                    mustForce = forceRequested > forcedPosition || closing || overdue(unforcedSince);
                } finally {
                    lock.unlock();
                }
                if (mustForce) {
                    files.force();
                    lock.lock();
                    try {
                        forcedPosition = target;
                        forces++;
                        forcedAdvanced.signalAll();
                    } finally {
                        lock.unlock();
                    }
                }
            }
        } catch (IOException e) {
            fail(e);
        } catch (InterruptedException e) {
            fail(new IOException("the log writer was interrupted", e));
        } catch (RuntimeException e) {
            fail(new IOException("the log writer failed", e));
        }
    }

    /** Whether records written but not forced have waited longer than the flush delay; call with the lock held. */
    private boolean overdue(long unforcedSince) {
        return writtenPosition > forcedPosition && System.nanoTime() - unforcedSince >= flushDelayNanos;
    }

    private long write(SegmentWriter files, List<Pending> work) throws IOException {
        long end;
        lock.lock();
        try {
            end = writtenPosition;
        } finally {
            lock.unlock();
        }
        for (Pending pending : work) {
            if (pending.position() != end) {
                throw new IllegalStateException("log batch at " + LogPositions.format(pending.position())
                        + " does not follow " + LogPositions.format(end));
            }
            files.write(pending.position(), pending.batch().array(), 0, pending.batch().size());
            end += pending.batch().size();
        }
        return end;
    }

    private void fail(IOException e) {
        LOG.error("could not write the write-ahead log in {}; no transaction can commit until restart",
                segments.directory(), e);
        lock.lock();
        try {
            failure = e;
            forcedAdvanced.signalAll();
            queueDrained.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
