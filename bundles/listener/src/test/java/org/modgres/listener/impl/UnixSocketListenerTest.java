package org.modgres.listener.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Unix-domain socket, its lock file, and the Socket adapter the session receives. */
class UnixSocketListenerTest {

    private static final int PORT = 5999;

    @TempDir
    Path directory;

    private final BlockingQueue<UnixDomainSocket> accepted = new LinkedBlockingQueue<>();

    private UnixSocketListener open() throws IOException {
        return UnixSocketListener.open(directory, PORT, Path.of("/data"), accepted::add);
    }

    private Path socketFile() {
        return directory.resolve(".s.PGSQL." + PORT);
    }

    private Path lockFile() {
        return directory.resolve(".s.PGSQL." + PORT + ".lock");
    }

    private SocketChannel connect() throws IOException {
        SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX);
        client.connect(UnixDomainSocketAddress.of(socketFile()));
        return client;
    }

    @Test
    void socket_and_lock_file_exist_while_listening_and_are_removed_at_close() throws Exception {
        try (UnixSocketListener listener = open()) {
            assertEquals(socketFile(), listener.socketPath());
            assertTrue(Files.exists(socketFile()));
            assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(socketFile())));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lockFile())));
            List<String> lock = Files.readAllLines(lockFile());
            assertEquals(String.valueOf(ProcessHandle.current().pid()), lock.get(0));
            assertEquals("/data", lock.get(1));
            assertEquals(String.valueOf(PORT), lock.get(3));
            assertEquals(directory.toString(), lock.get(4));
        }
        assertFalse(Files.exists(socketFile()));
        assertFalse(Files.exists(lockFile()));
    }

    @Test
    void the_adapter_reads_writes_and_reports_a_unix_domain_address() throws Exception {
        try (UnixSocketListener _ = open(); SocketChannel client = connect()) {
            UnixDomainSocket socket = accepted.poll(5, TimeUnit.SECONDS);
            assertNotNull(socket);
            assertInstanceOf(UnixDomainSocketAddress.class, socket.getRemoteSocketAddress());
            assertTrue(socket.isConnected());
            socket.setTcpNoDelay(true);
            client.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            assertEquals(List.of(1, 2, 3), List.of(socket.getInputStream().read(), socket.getInputStream().read(),
                    socket.getInputStream().read()));
            socket.getOutputStream().write(new byte[] {7, 8});
            ByteBuffer answer = ByteBuffer.allocate(2);
            while (answer.hasRemaining()) {
                client.read(answer);
            }
            assertEquals(7, answer.get(0));
            assertThrows(java.net.SocketException.class, () -> socket.setSoTimeout(1000));
            socket.close();
            assertTrue(socket.isClosed());
            assertEquals(-1, client.read(ByteBuffer.allocate(1)));
        }
    }

    @Test
    void shutting_down_input_wakes_a_blocked_reader_as_terminating_a_backend_needs() throws Exception {
        try (UnixSocketListener _ = open(); SocketChannel _ = connect()) {
            UnixDomainSocket socket = accepted.poll(5, TimeUnit.SECONDS);
            assertNotNull(socket);
            InputStream in = socket.getInputStream();
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return in.read();
                } catch (IOException e) {
                    return -2;
                }
            });
            Thread.sleep(100);
            socket.shutdownInput();
            assertEquals(-1, read.get(5, TimeUnit.SECONDS));
            assertTrue(socket.isInputShutdown());
            socket.close();
        }
    }

    @Test
    void a_stale_lock_of_a_dead_server_and_its_socket_file_are_replaced() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.writeString(lockFile(), dead.pid() + "\n/old\n");
        Files.writeString(socketFile(), "left by a crashed server");
        try (UnixSocketListener _ = open(); SocketChannel _ = connect()) {
            assertNotNull(accepted.poll(5, TimeUnit.SECONDS));
            assertEquals(String.valueOf(ProcessHandle.current().pid()), Files.readAllLines(lockFile()).get(0));
        }
    }

    @Test
    void a_lock_of_a_live_server_stops_the_start_and_is_left_alone() throws Exception {
        Process live = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(lockFile(), live.pid() + "\n/other\n");
            IOException e = assertThrows(SocketLockFile.HeldByAnotherServer.class, this::open);
            assertEquals("lock file \"" + lockFile() + "\" already exists: is another postmaster (PID " + live.pid()
                    + ") using socket file \"" + socketFile() + "\"?", e.getMessage());
            assertEquals(live.pid() + "\n/other\n", Files.readString(lockFile()));
            assertFalse(Files.exists(socketFile()));
        } finally {
            live.destroy();
        }
    }

    @Test
    void a_lock_file_with_garbage_is_reported_and_left_alone() throws Exception {
        Files.writeString(lockFile(), "garbage\n");
        IOException e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().startsWith("bogus data in lock file"), e.getMessage());
        assertTrue(Files.exists(lockFile()));
    }

    @Test
    void a_socket_path_longer_than_the_system_allows_is_refused() throws Exception {
        Path deep = Files.createDirectories(directory.resolve("d".repeat(100)));
        IOException e = assertThrows(IOException.class,
                () -> UnixSocketListener.open(deep, PORT, directory, accepted::add));
        assertTrue(e.getMessage().contains("is too long (maximum 107 bytes)"), e.getMessage());
        assertFalse(Files.exists(deep.resolve(".s.PGSQL." + PORT + ".lock")));
    }
}
