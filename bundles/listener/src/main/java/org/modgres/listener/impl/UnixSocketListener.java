package org.modgres.listener.impl;

import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts connections on the Unix-domain socket {@code <directory>/.s.PGSQL.<port>}, where libpq
 * looks for a server ({@code psql -h /tmp}, or no host at all). The socket is guarded by its lock
 * file, and both files are removed when the listener closes.
 */
final class UnixSocketListener implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(UnixSocketListener.class);
    /** sun_path holds 108 bytes on Linux, the terminating NUL included. */
    private static final int MAX_PATH_BYTES = 107;

    private final Path socketPath;
    private final SocketLockFile lock;
    private final ServerSocketChannel channel;
    private final Thread acceptor;

    private UnixSocketListener(Path socketPath, SocketLockFile lock, ServerSocketChannel channel,
                               Consumer<UnixDomainSocket> handler) {
        this.socketPath = socketPath;
        this.lock = lock;
        this.channel = channel;
        this.acceptor = Thread.ofVirtual().name("postmaster-" + socketPath).unstarted(() -> acceptLoop(handler));
    }

    /** Returns the socket file's name for a port, as libpq builds it. */
    static String socketFileName(int port) {
        return ".s.PGSQL." + port;
    }

    /**
     * Creates the socket and starts accepting on it; every connection is passed to the handler on
     * a virtual thread of its own.
     *
     * @throws SocketLockFile.HeldByAnotherServer when a live server owns the socket
     * @throws IOException when the socket cannot be created
     */
    static UnixSocketListener open(Path directory, int port, Path dataDirectory, Consumer<UnixDomainSocket> handler)
            throws IOException {
        Path socketPath = directory.resolve(socketFileName(port));
        int length = socketPath.toString().getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_PATH_BYTES) {
            throw new IOException("Unix-domain socket path \"" + socketPath + "\" is too long (maximum "
                    + MAX_PATH_BYTES + " bytes)");
        }
        SocketLockFile lock = SocketLockFile.acquire(socketPath, dataDirectory, port);
        ServerSocketChannel channel = null;
        try {
            // The lock is ours, so a socket file still there is a dead server's.
            Files.deleteIfExists(socketPath);
            channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(socketPath), 512);
            // PostgreSQL's default unix_socket_permissions: any local user may connect
            Files.setPosixFilePermissions(socketPath, PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
                Files.deleteIfExists(socketPath);
            }
            lock.release();
            throw e;
        }
        UnixSocketListener listener = new UnixSocketListener(socketPath, lock, channel, handler);
        LOG.info("listening on Unix socket \"{}\"", socketPath);
        listener.acceptor.start();
        return listener;
    }

    Path socketPath() {
        return socketPath;
    }

    private void acceptLoop(Consumer<UnixDomainSocket> handler) {
        while (channel.isOpen()) {
            try {
                SocketChannel accepted = channel.accept();
                UnixDomainSocket socket = new UnixDomainSocket(accepted);
                Thread.ofVirtual().name("startup").start(() -> handler.accept(socket));
            } catch (IOException e) {
                if (channel.isOpen()) {
                    LOG.warn("accept on \"{}\" failed: {}", socketPath, e.getMessage());
                }
            }
        }
    }

    /** Stops accepting and removes the socket and its lock file; accepted connections stay open. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
            AcceptorThreads.awaitEnd(acceptor);
            Files.deleteIfExists(socketPath);
        } finally {
            lock.release();
        }
    }
}
