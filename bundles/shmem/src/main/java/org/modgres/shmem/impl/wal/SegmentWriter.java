package org.modgres.shmem.impl.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the byte stream into segment files and forces them. Used by the log's writer thread
 * alone: no other thread touches these channels, so an interrupted backend can never close one.
 */
final class SegmentWriter implements AutoCloseable {

    private final SegmentFiles segments;
    private final SegmentPreparer preparer;
    private final List<FileChannel> unforced = new ArrayList<>();
    private FileChannel current;
    private long currentStart = -1;
    private boolean directoryChanged;

    SegmentWriter(SegmentFiles segments) {
        this.segments = segments;
        this.preparer = new SegmentPreparer(segments);
    }

    void write(long position, byte[] bytes, int offset, int length) throws IOException {
        long at = position;
        int from = offset;
        int left = length;
        while (left > 0) {
            long start = segments.startOf(at);
            if (start != currentStart) {
                switchTo(start);
            }
            int n = (int) Math.min(left, start + segments.segmentSize() - at);
            ByteBuffer buffer = ByteBuffer.wrap(bytes, from, n);
            long filePosition = at - start;
            while (buffer.hasRemaining()) {
                filePosition += current.write(buffer, filePosition);
            }
            if (unforced.isEmpty() || unforced.getLast() != current) {
                unforced.add(current);
            }
            at += n;
            from += n;
            left -= n;
        }
    }

    /** Forces every segment written since the last force, and the directory when a segment was created. */
    void force() throws IOException {
        for (FileChannel channel : unforced) {
            channel.force(false);
            if (channel != current) {
                channel.close();
            }
        }
        unforced.clear();
        if (directoryChanged) {
            SegmentFiles.forceDirectory(segments.directory());
            directoryChanged = false;
        }
    }

    private void switchTo(long start) throws IOException {
        if (current != null && !unforced.contains(current)) {
            current.close();
        }
        Path file = segments.path(start);
        if (!Files.exists(file)) {
            preparer.install(start);
            directoryChanged = true;
        }
        current = FileChannel.open(file, StandardOpenOption.WRITE);
        currentStart = start;
    }

    @Override
    public void close() throws IOException {
        preparer.close();
        IOException failure = null;
        for (FileChannel channel : unforced) {
            failure = closeQuietly(channel, failure);
        }
        if (current != null && !unforced.contains(current)) {
            failure = closeQuietly(current, failure);
        }
        unforced.clear();
        current = null;
        currentStart = -1;
        if (failure != null) {
            throw failure;
        }
    }

    private static IOException closeQuietly(FileChannel channel, IOException failure) {
        try {
            channel.close();
        } catch (IOException e) {
            if (failure == null) {
                return e;
            }
            failure.addSuppressed(e);
        }
        return failure;
    }
}
