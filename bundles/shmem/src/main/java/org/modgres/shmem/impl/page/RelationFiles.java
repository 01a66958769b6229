package org.modgres.shmem.impl.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files of relations' pages: {@code <directory>/<file number>}, each a sequence of 8 KiB
 * blocks, block n at offset n * 8192 (PostgreSQL's {@code base/<db>/<relfilenode>} without
 * segments). A file number names one layout of one table's rows, as a relfilenode does: a rewrite
 * of the table gets a new file. Reads and writes are positional, so threads share one channel.
 */
public final class RelationFiles implements PageFiles, AutoCloseable {

    private final Path directory;
    private final ConcurrentHashMap<Integer, FileChannel> open = new ConcurrentHashMap<>();

    public RelationFiles(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void read(int file, int block, MemorySegment page) {
        ByteBuffer buffer = page.asByteBuffer();
        long position = (long) block * BufferPool.PAGE_SIZE;
        try {
            FileChannel channel = channel(file);
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position + buffer.position());
                if (read < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read block " + block + " of file " + path(file), e);
        }
        if (buffer.hasRemaining()) {
            page.asSlice(buffer.position()).fill((byte) 0);
        }
    }

    @Override
    public void write(int file, int block, MemorySegment page) {
        ByteBuffer buffer = page.asByteBuffer();
        long position = (long) block * BufferPool.PAGE_SIZE;
        try {
            FileChannel channel = channel(file);
            while (buffer.hasRemaining()) {
                channel.write(buffer, position + buffer.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write block " + block + " of file " + path(file), e);
        }
    }

    /** Closes and deletes a file; the caller has dropped its pages from the pool. */
    public void delete(int file) {
        FileChannel channel = open.remove(file);
        try {
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(path(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove file " + path(file), e);
        }
    }

    /** Deletes every file: the heap files are rebuilt at start from the checkpoint and the log. */
    public void deleteAll() throws IOException {
        close();
        try (var entries = Files.list(directory)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Files.deleteIfExists(entry);
            }
        }
    }

    private FileChannel channel(int file) throws IOException {
        FileChannel channel = open.get(file);
        if (channel != null) {
            return channel;
        }
        try {
            return open.computeIfAbsent(file, number -> {
                try {
                    return FileChannel.open(path(number), StandardOpenOption.CREATE, StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Path path(int file) {
        return directory.resolve(Integer.toString(file));
    }

    @Override
    public void close() {
        for (Integer file : open.keySet()) {
            FileChannel channel = open.remove(file);
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing a file we only read and wrote through: nothing is lost
                }
            }
        }
    }
}
