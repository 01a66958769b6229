package org.modgres.shmem.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.shmem.impl.wal.RecordBatch;

/**
 * The log records of one large transaction that wait in a temporary file for its commit, so that
 * a transaction writing gigabytes (a COPY of millions of rows) keeps megabytes in memory. The
 * file holds whole batches of complete records, each appended to the log as a batch of its own at
 * commit: a batch never ends inside a record, so another transaction's batch appended between two
 * of them cannot tear one.
 */
final class RedoSpill implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    /** Where each spilled batch starts in the file, in order. */
    private final List<Long> batchStarts = new ArrayList<>();
    private long size;

    private RedoSpill(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static RedoSpill create(Path directory, long xid) {
        try {
            Files.createDirectories(directory);
            Path file = Files.createTempFile(directory, "redo-" + xid + "-", ".spill");
            return new RedoSpill(file, FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw failure("could not create a temporary file for log records in " + directory, e);
        }
    }

    /** The bytes spilled: the position in the transaction's records where the in-memory batch continues. */
    long size() {
        return size;
    }

    /** Moves a batch of complete records to the file. */
    void add(RecordBatch batch) {
        ByteBuffer bytes = ByteBuffer.wrap(batch.array(), 0, batch.size());
        try {
            long at = size;
            while (bytes.hasRemaining()) {
                at += channel.write(bytes, at);
            }
        } catch (IOException e) {
            throw failure("could not write log records to " + file, e);
        }
        batchStarts.add(size);
        size += batch.size();
    }

    /** Forgets the records from {@code position} on, a record boundary: a savepoint's changes rolled back. */
    void truncate(long position) {
        while (!batchStarts.isEmpty() && batchStarts.getLast() >= position) {
            batchStarts.removeLast();
        }
        size = position;
        try {
            channel.truncate(position);
        } catch (IOException e) {
            throw failure("could not truncate " + file, e);
        }
    }

    /** Reads the spilled batches back, in order, one at a time. */
    void forEachBatch(Consumer<RecordBatch> action) {
        for (int i = 0; i < batchStarts.size(); i++) {
            long start = batchStarts.get(i);
            long end = i + 1 < batchStarts.size() ? batchStarts.get(i + 1) : size;
            byte[] bytes = new byte[Math.toIntExact(end - start)];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            try {
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, start + buffer.position()) < 0) {
                        throw new IOException("the file ended early");
                    }
                }
            } catch (IOException e) {
                throw failure("could not read log records back from " + file, e);
            }
            RecordBatch batch = new RecordBatch();
            batch.writeBytes(bytes);
            action.accept(batch);
        }
    }

    /** Removes the files that transactions of a server that stopped left behind. */
    static void removeLeftovers(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().endsWith(".spill")) {
                    Files.delete(file);
                }
            }
        }
    }

    private static PgException failure(String what, IOException e) {
        return new PgException(SqlState.IO_ERROR, what + ": " + e.getMessage(), e);
    }

    /** Removes the file. */
    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure("could not remove " + file, e);
        }
    }
}
