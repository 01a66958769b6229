package org.modgres.shmem.impl.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads records across the segment files through a window buffer, so that small records cost no system call each. */
final class FileLogReader implements LogReader {

    private static final int WINDOW = 1 << 20;

    private final SegmentFiles segments;
    private final byte[] header = new byte[RecordFraming.HEADER_SIZE];
    private final byte[] window = new byte[WINDOW];
    private long windowStart;
    private int windowLength;
    private FileChannel channel;
    private long channelStart = -1;
    private long position;
    private String stopReason;

    FileLogReader(SegmentFiles segments, long from) {
        this.segments = segments;
        this.position = from;
    }

    @Override
    public LogRecord next() throws IOException {
        if (stopReason != null) {
            return null;
        }
        int headerBytes = read(position, header, 0, header.length);
        if (headerBytes < header.length) {
            return stop(headerBytes == 0 ? "end of log" : "incomplete record header");
        }
        int length = RecordFraming.readInt(header, 0);
        if (length == 0 && RecordFraming.readInt(header, 4) == 0) {
            // the zeros a segment is prepared with: nothing was ever written here
            return stop("end of log");
        }
        if (!RecordFraming.plausibleLength(length)) {
            return stop("invalid record length " + length);
        }
        byte[] framed = new byte[RecordFraming.HEADER_SIZE + length];
        System.arraycopy(header, 0, framed, 0, header.length);
        if (read(position + header.length, framed, header.length, length) < length) {
            return stop("incomplete record of " + length + " bytes");
        }
        if (RecordFraming.checksum(framed, 0, length) != RecordFraming.readInt(header, 4)) {
            return stop("incorrect checksum in record of " + length + " bytes");
        }
        byte[] payload = new byte[length];
        System.arraycopy(framed, RecordFraming.HEADER_SIZE, payload, 0, length);
        LogRecord record = new LogRecord(position, position + framed.length, payload);
        position = record.end();
        return record;
    }

    private LogRecord stop(String reason) {
        stopReason = reason + " at " + LogPositions.format(position);
        return null;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public String stopReason() {
        return stopReason;
    }

    /** Copies up to {@code length} bytes from a log position; returns how many there were before the log ended. */
    private int read(long from, byte[] target, int offset, int length) throws IOException {
        int copied = 0;
        while (copied < length) {
            long at = from + copied;
            if (at < windowStart || at >= windowStart + windowLength) {
                if (!fill(at)) {
                    return copied;
                }
            }
            int inWindow = (int) (at - windowStart);
            int n = Math.min(length - copied, windowLength - inWindow);
            System.arraycopy(window, inWindow, target, offset + copied, n);
            copied += n;
        }
        return copied;
    }

    private boolean fill(long at) throws IOException {
        long start = segments.startOf(at);
        if (start != channelStart) {
            closeChannel();
            Path file = segments.path(start);
            if (!Files.exists(file)) {
                return false;
            }
            channel = FileChannel.open(file, StandardOpenOption.READ);
            channelStart = start;
        }
        int wanted = (int) Math.min(window.length, start + segments.segmentSize() - at);
        ByteBuffer buffer = ByteBuffer.wrap(window, 0, wanted);
        long filePosition = at - start;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, filePosition);
            if (n < 0) {
                break;
            }
            filePosition += n;
        }
        windowStart = at;
        windowLength = buffer.position();
        return windowLength > 0;
    }

    private void closeChannel() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
            channelStart = -1;
        }
    }

    @Override
    public void close() throws IOException {
        closeChannel();
    }
}
