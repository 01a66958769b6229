package org.modgres.listener.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;

/**
 * The lock file {@code .s.PGSQL.<port>.lock} beside a Unix-domain socket, as PostgreSQL keeps it:
 * created exclusively, holding the owner's process id first. A lock whose process is gone is
 * stale and is replaced (the socket file left beside it then belongs to no one and may be
 * removed); a lock of a live process means another server uses the socket, and this one must not
 * start there.
 */
final class SocketLockFile {

    private static final int ATTEMPTS = 100;
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** The socket belongs to another running server: this one must not start, as in PostgreSQL. */
    static final class HeldByAnotherServer extends IOException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        HeldByAnotherServer(String message) {
            super(message);
        }
    }

    private final Path path;

    private SocketLockFile(Path path) {
        this.path = path;
    }

    /**
     * Takes the lock for a socket.
     *
     * @param socketPath     the socket file the lock guards; the lock is its name plus {@code .lock}
     * @param dataDirectory  recorded in the lock for people looking at it
     * @param port           recorded likewise
     * @throws HeldByAnotherServer when another live server holds the lock (wording as in PostgreSQL)
     * @throws IOException   when the lock file cannot be read or written
     */
    static SocketLockFile acquire(Path socketPath, Path dataDirectory, int port) throws IOException {
        Path path = socketPath.resolveSibling(socketPath.getFileName() + ".lock");
        long ownPid = ProcessHandle.current().pid();
        String content = ownPid + "\n" + dataDirectory + "\n" + Instant.now().getEpochSecond() + "\n" + port + "\n"
                + socketPath.getParent() + "\n";
        // Retried because a stale lock can be removed, and then created again, by a competitor.
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                // readable by the owner only, as PostgreSQL makes it
                Files.createFile(path, OWNER_ONLY);
                try {
                    Files.writeString(path, content, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
                } catch (IOException e) {
                    Files.deleteIfExists(path);
                    throw e;
                }
                return new SocketLockFile(path);
            } catch (FileAlreadyExistsException e) {
                long owner = owner(path, socketPath);
                // Our own pid in the lock is a remnant of an earlier run that had the same pid (containers).
                if (owner > 0 && owner != ownPid && isAlive(owner)) {
                    throw new HeldByAnotherServer("lock file \"" + path + "\" already exists: is another postmaster"
                            + " (PID " + owner + ") using socket file \"" + socketPath + "\"?");
                }
                try {
                    Files.delete(path);
                } catch (NoSuchFileException gone) {
                    // removed by a competitor meanwhile: try again
                }
            }
        }
        throw new IOException("could not create lock file \"" + path + "\": it keeps reappearing");
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Returns the process id in an existing lock file, or -1 when the file vanished meanwhile. */
    private static long owner(Path lock, Path socketPath) throws IOException {
        String content;
        try {
            content = Files.readString(lock, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return -1;
        }
        String firstLine = content.lines().findFirst().orElse("").trim();
        if (firstLine.isEmpty()) {
            // PostgreSQL's reasoning: another server may be writing it right now
            throw new IOException("lock file \"" + lock + "\" is empty: either another server is starting,"
                    + " or the lock file is the remnant of a previous server startup crash;"
                    + " remove it if no server uses socket file \"" + socketPath + "\"");
        }
        try {
            long pid = Long.parseLong(firstLine);
            if (pid <= 0) {
                throw new NumberFormatException(firstLine);
            }
            return pid;
        } catch (NumberFormatException e) {
            throw new IOException("bogus data in lock file \"" + lock + "\": \"" + firstLine + "\"", e);
        }
    }

    Path path() {
        return path;
    }

    /** Removes the lock; the socket it guarded must be gone first. */
    void release() throws IOException {
        Files.deleteIfExists(path);
    }
}
