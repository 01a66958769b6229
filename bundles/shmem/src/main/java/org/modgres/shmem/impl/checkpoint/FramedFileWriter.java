package org.modgres.shmem.impl.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.modgres.shmem.impl.wal.RecordBatch;

/**
 * Writes a file of framed records (the log's framing: length, CRC-32C, payload) under a temporary
 * name; {@link #commit()} forces it and renames it into place, so that the final name only ever
 * names a complete file.
 */
final class FramedFileWriter implements AutoCloseable {

    private static final int FLUSH_SIZE = 256 << 10;

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final RecordBatch batch = new RecordBatch();
    private boolean committed;

    FramedFileWriter(Path target) throws IOException {
        this.target = target;
        this.temporary = target.resolveSibling(target.getFileName() + ".tmp");
        this.channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    /** Begins a record; write its payload into the returned batch, then call {@link #endRecord()}. */
    RecordBatch beginRecord() {
        batch.beginRecord();
        return batch;
    }

    void endRecord() throws IOException {
        batch.endRecord();
        if (batch.size() >= FLUSH_SIZE) {
            flush();
        }
    }

    /** Returns the size of the record begun so far, to cut records of many rows at a reasonable size. */
    int pendingBytes() {
        return batch.size();
    }

    void commit() throws IOException {
        flush();
        channel.force(true);
        channel.close();
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
    }

    private void flush() throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(batch.array(), 0, batch.size());
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        batch.reset();
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            channel.close();
            Files.deleteIfExists(temporary);
        }
    }
}
