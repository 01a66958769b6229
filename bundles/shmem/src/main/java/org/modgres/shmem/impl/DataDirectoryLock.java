package org.modgres.shmem.impl;

import java.io.IOException;
import java.io.Serial;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The claim of one server on a data directory: {@code postmaster.pid}, holding the server's process
 * id, its data directory and its start time, locked with an operating-system file lock. The lock
 * dies with the process, so a file left by a killed server does not stop the next one. The file is
 * emptied, not deleted, at shutdown: a server that opened it just before the deletion would lock a
 * file no longer in the directory while a third one locked a new one.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "postmaster.pid";

    /**
     * The directories this JVM holds. Within one process a second lock attempt must not even open
     * the file: closing any channel of a file releases the process's lock on it.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the data directory.
     *
     * @throws DataDirectoryInUseException when another server holds it
     */
    static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
        Path directory = dataDirectory.toRealPath();
        Path file = directory.resolve(FILE_NAME);
        if (!HELD.add(directory)) {
            throw inUse(directory, ProcessHandle.current().pid());
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw inUse(directory, ownerPid(channel));
            }
            String content = ProcessHandle.current().pid() + "\n" + directory + "\n"
                    + System.currentTimeMillis() / 1000 + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new DataDirectoryLock(directory, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD.remove(directory);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    private static DataDirectoryInUseException inUse(Path directory, long pid) {
        return new DataDirectoryInUseException("lock file \"" + FILE_NAME + "\" already exists: is another server"
                + (pid > 0 ? " (PID " + pid + ")" : "") + " running in data directory \"" + directory + "\"?");
    }

    /** Reads the first line of the lock file through the channel already open, or returns -1. */
    private static long ownerPid(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(64);
            channel.read(buffer, 0);
            String content = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            return Long.parseLong((end < 0 ? content : content.substring(0, end)).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    Path directory() {
        return directory;
    }

    /** Empties the lock file and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } finally {
            HELD.remove(directory);
        }
    }

    /** Another server holds the data directory. */
    static final class DataDirectoryInUseException extends IOException {
        @Serial
        private static final long serialVersionUID = 1L;

        DataDirectoryInUseException(String message) {
            super(message);
        }
    }
}
