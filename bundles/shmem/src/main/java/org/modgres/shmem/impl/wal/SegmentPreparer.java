package org.modgres.shmem.impl.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Makes new segment files full-size and zero-filled before the log writes into them, one segment
 * ahead and off the writer's thread. A commit's {@code fdatasync} on a file that grows must also
 * write the file's new size; on a file whose blocks already exist it writes only the data, which on
 * these disks halves its time. Zeros also end the log cleanly: a header of length zero is where
 * recovery stops.
 *
 * <p>The next segment is prepared under a name the log does not read ({@value #PREPARED_NAME}) and
 * renamed to its segment name only when the writer reaches it, so that a segment file is always
 * whole and a crash leaves no segment beyond the end of the log.
 */
final class SegmentPreparer implements AutoCloseable {

    static final String PREPARED_NAME = "next.prepared";
    private static final int ZERO_CHUNK = 1 << 20;

    private final SegmentFiles segments;
    private final Path prepared;
    private CompletableFuture<Void> preparation;

    SegmentPreparer(SegmentFiles segments) {
        this.segments = segments;
        this.prepared = segments.directory().resolve(PREPARED_NAME);
    }

    /** Removes a prepared file a previous server may have left half-written. */
    static void discardLeftover(SegmentFiles segments) throws IOException {
        Files.deleteIfExists(segments.directory().resolve(PREPARED_NAME));
    }

    /** Creates the segment starting at {@code start} from the prepared file, then starts preparing the next. */
    void install(long start) throws IOException {
        if (preparation == null) {
            prepareNext();
        }
        awaitPreparation();
        preparation = null;
        Files.move(prepared, segments.path(start), StandardCopyOption.ATOMIC_MOVE);
        prepareNext();
    }

    private void prepareNext() {
        preparation = CompletableFuture.runAsync(() -> {
            try {
                zeroFill(prepared, segments.segmentSize());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, command -> Thread.ofPlatform().daemon().name("modgres-wal-preparer").start(command));
    }

    private void awaitPreparation() throws IOException {
        try {
            preparation.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while preparing a log segment", e);
        } catch (ExecutionException e) {
            preparation = null;
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException("could not prepare a log segment", e.getCause());
        }
    }

    /** Writes zeros over a file from {@code from} up to {@code size} bytes and forces it. */
    static void zeroFill(FileChannel channel, long from, long size) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(ZERO_CHUNK, Math.max(1, size - from)));
        long at = from;
        while (at < size) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), size - at));
            while (zeros.hasRemaining()) {
                at += channel.write(zeros, at);
            }
        }
        channel.force(true);
    }

    /**
     * Makes a segment's bytes from {@code from} on zeros, at full size, and forces it: what a
     * previous server wrote past the valid end of the log must not be read as records after new
     * ones overwrite the part before it. Reads first, so that a tail that is zeros already, as
     * after most shutdowns, costs no write.
     */
    static void clearTail(FileChannel channel, long from, long size) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(ZERO_CHUNK);
        long end = Math.min(channel.size(), size);
        long at = from;
        long dirtyFrom = -1;
        while (at < end && dirtyFrom < 0) {
            chunk.clear().limit((int) Math.min(ZERO_CHUNK, end - at));
            int n = channel.read(chunk, at);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (chunk.get(i) != 0) {
                    dirtyFrom = at + i;
                    break;
                }
            }
            at += n;
        }
        if (dirtyFrom >= 0) {
            zeroFill(channel, dirtyFrom, size);
        } else if (end < size) {
            zeroFill(channel, end, size);
        } else {
            channel.force(true);
        }
    }

    private static void zeroFill(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            zeroFill(channel, 0, size);
        }
    }

    /** Waits for a preparation under way, so that no thread writes into the directory after the log closed. */
    @Override
    public void close() {
        CompletableFuture<Void> running = preparation;
        preparation = null;
        if (running != null) {
            running.exceptionally(failure -> null).join();
        }
    }
}
