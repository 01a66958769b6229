package org.modgres.listener.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modgres.api.session.ClientConnection;

/** Drives the postmaster's startup handshake over real loopback connections. */
class StartupHandshakeTest {

    private final RecordingSessions sessions = new RecordingSessions();
    private ServerSocket server;
    private StartupDeadlines deadlines;

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            server.close();
        }
        if (deadlines != null) {
            deadlines.close();
        }
    }

    private StartupHandshake handshake(int maxConnections, int timeoutMillis, ServerTls tls) {
        deadlines = new StartupDeadlines(timeoutMillis);
        return new StartupHandshake(sessions, new ConnectionAdmission(sessions, maxConnections), deadlines, tls);
    }

    /** Starts accepting TCP connections on a free loopback port. */
    private void listen(StartupHandshake handshake) throws IOException {
        server = new ServerSocket(0);
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread.ofVirtual().start(() -> handshake.run(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void listen() throws IOException {
        listen(handshake(100, 2_000, null));
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.getLocalPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket client, byte[] packet) throws IOException {
        client.getOutputStream().write(packet);
        client.getOutputStream().flush();
    }

    private static String fatalError(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        assertEquals('E', in.read());
        byte[] body = new byte[in.readInt() - 4];
        in.readFully(body);
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void ssl_request_is_refused_and_the_startup_message_handed_over() throws Exception {
        listen();
        try (Socket client = connect()) {
            send(client, Packets.sslRequest());
            assertEquals('N', client.getInputStream().read());
            send(client, Packets.startupMessage("user", "postgres", "database", "postgres",
                    "application_name", "psql"));
            ClientConnection connection = sessions.served.poll(5, TimeUnit.SECONDS);
            assertNotNull(connection);
            assertEquals(196608, connection.protocolVersion());
            assertEquals(List.of("user", "database", "application_name"),
                    List.copyOf(connection.startupParameters().keySet()));
            assertEquals("psql", connection.startupParameters().get("application_name"));
            connection.socket().close();
        }
    }

    @Test
    void gss_encryption_is_refused_and_ssl_may_be_asked_next() throws Exception {
        listen();
        try (Socket client = connect()) {
            send(client, Packets.gssEncRequest());
            assertEquals('N', client.getInputStream().read());
            send(client, Packets.sslRequest());
            assertEquals('N', client.getInputStream().read());
            send(client, Packets.startupMessage("user", "postgres"));
            ClientConnection connection = sessions.served.poll(5, TimeUnit.SECONDS);
            assertNotNull(connection);
            connection.socket().close();
        }
    }

    @Test
    void a_repeated_ssl_request_fails_the_protocol_version_check() throws Exception {
        listen();
        try (Socket client = connect()) {
            send(client, Packets.sslRequest());
            assertEquals('N', client.getInputStream().read());
            send(client, Packets.sslRequest());
            String fields = fatalError(client.getInputStream());
            assertTrue(fields.contains("0A000"), fields);
            assertTrue(fields.contains("unsupported frontend protocol 1234.5679: server supports 3.0 to 3.0"), fields);
            assertEquals(-1, client.getInputStream().read());
        }
        assertTrue(sessions.served.isEmpty());
    }

    @Test
    void bytes_sent_before_the_answer_to_an_ssl_request_are_rejected() throws Exception {
        listen();
        try (Socket client = connect()) {
            byte[] ssl = Packets.sslRequest();
            byte[] startup = Packets.startupMessage("user", "postgres");
            byte[] both = new byte[ssl.length + startup.length];
            System.arraycopy(ssl, 0, both, 0, ssl.length);
            System.arraycopy(startup, 0, both, ssl.length, startup.length);
            send(client, both);
            assertEquals('N', client.getInputStream().read(), "PostgreSQL answers first, then finds the data");
            String fields = fatalError(client.getInputStream());
            assertTrue(fields.contains("08P01"), fields);
            assertTrue(fields.contains("received unencrypted data after SSL request"), fields);
            assertTrue(fields.contains("DThis could be either a client-software bug or evidence of an attempted"
                    + " man-in-the-middle attack."), fields);
        }
        assertTrue(sessions.served.isEmpty());
    }

    @Test
    void cancel_request_is_routed_with_its_key() throws Exception {
        listen();
        try (Socket client = connect()) {
            send(client, Packets.cancelRequest(4242, -17));
            assertArrayEquals(new int[] {4242, -17}, sessions.cancels.poll(5, TimeUnit.SECONDS));
            assertEquals(-1, client.getInputStream().read(), "the postmaster closes a cancel connection");
        }
        assertTrue(sessions.served.isEmpty());
    }

    @Test
    void oversized_startup_packet_gets_a_fatal_error_and_is_not_handed_over() throws Exception {
        listen();
        try (Socket client = connect()) {
            new DataOutputStream(client.getOutputStream()).writeInt(20_000);
            String fields = fatalError(client.getInputStream());
            assertTrue(fields.contains("FATAL"), fields);
            assertTrue(fields.contains("08P01"), fields);
            assertEquals(-1, client.getInputStream().read());
        }
        assertTrue(sessions.served.isEmpty());
    }

    @Test
    void client_that_never_finishes_startup_is_dropped_after_the_timeout() throws Exception {
        listen();
        try (Socket client = connect()) {
            send(client, new byte[] {0, 0});
            assertEquals(-1, client.getInputStream().read());
        }
        assertTrue(sessions.served.isEmpty());
    }

    @Test
    void the_timeout_bounds_the_whole_startup_not_each_read() throws Exception {
        listen(handshake(100, 1_000, null));
        byte[] startup = Packets.startupMessage("user", "postgres", "database", "postgres");
        long start = System.nanoTime();
        try (Socket client = connect()) {
            // one byte every 200 ms would take several seconds for the whole packet
            for (byte b : startup) {
                client.getOutputStream().write(b);
                Thread.sleep(200);
            }
        } catch (IOException closedByServer) {
            // expected: the server closes while the client still writes
        }
        long writingMillis = startup.length * 200L;
        assertTrue(writingMillis > 5_000);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "the server closed the connection early");
        assertTrue(sessions.served.isEmpty());
    }

    @Test
    void closing_the_deadlines_closes_connections_still_in_startup() throws Exception {
        listen(handshake(100, 60_000, null));
        try (Socket client = connect()) {
            send(client, new byte[] {0, 0});
            Thread.sleep(200);
            deadlines.close();
            assertEquals(-1, client.getInputStream().read());
        }
    }

    @Test
    void client_beyond_max_connections_gets_53300_and_a_freed_slot_is_reused() throws Exception {
        listen(handshake(2, 2_000, null));
        try (Socket first = connect(); Socket second = connect()) {
            send(first, Packets.startupMessage("user", "postgres"));
            send(second, Packets.startupMessage("user", "postgres"));
            ClientConnection firstBackend = sessions.served.poll(5, TimeUnit.SECONDS);
            assertNotNull(sessions.served.poll(5, TimeUnit.SECONDS));
            try (Socket third = connect()) {
                send(third, Packets.startupMessage("user", "postgres"));
                String fields = fatalError(third.getInputStream());
                assertTrue(fields.contains("SFATAL"), fields);
                assertTrue(fields.contains("C53300"), fields);
                assertTrue(fields.contains("Msorry, too many clients already"), fields);
                assertEquals(-1, third.getInputStream().read());
            }
            try (Socket cancel = connect()) {
                send(cancel, Packets.cancelRequest(1, 2));
                assertNotNull(sessions.cancels.poll(5, TimeUnit.SECONDS), "cancel requests take no slot");
            }
            sessions.end(firstBackend);
            try (Socket fourth = connect()) {
                send(fourth, Packets.startupMessage("user", "postgres"));
                assertNotNull(sessions.served.poll(5, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void with_ssl_on_the_ssl_request_gets_a_tls_session_and_the_startup_is_read_through_it() throws Exception {
        listen(handshake(100, 5_000, TestTls.serverTls()));
        try (Socket client = connect()) {
            send(client, Packets.sslRequest());
            assertEquals('S', client.getInputStream().read());
            SSLSocket tls = TestTls.clientOver(client);
            assertEquals("TLSv1.3", tls.getSession().getProtocol());
            send(tls, Packets.startupMessage("user", "postgres", "database", "postgres"));
            ClientConnection connection = sessions.served.poll(5, TimeUnit.SECONDS);
            assertNotNull(connection);
            assertEquals("postgres", connection.startupParameters().get("database"));
            assertInstanceOf(SSLSocket.class, connection.socket());
            connection.socket().getOutputStream().write('Z');
            connection.socket().getOutputStream().flush();
            assertEquals('Z', tls.getInputStream().read(), "the backend talks through the TLS session");
            connection.socket().close();
        }
    }

    @Test
    void shutting_down_the_input_of_a_tls_connection_wakes_its_backend_as_terminate_does() throws Exception {
        listen(handshake(100, 5_000, TestTls.serverTls()));
        try (Socket client = connect()) {
            send(client, Packets.sslRequest());
            assertEquals('S', client.getInputStream().read());
            SSLSocket tls = TestTls.clientOver(client);
            send(tls, Packets.startupMessage("user", "postgres"));
            ClientConnection connection = sessions.served.poll(5, TimeUnit.SECONDS);
            assertNotNull(connection);
            Socket backend = connection.socket();
            CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return "read " + backend.getInputStream().read();
                } catch (IOException e) {
                    return "failed";
                }
            });
            Thread.sleep(200);
            try {
                backend.shutdownInput();
            } catch (IOException e) {
                // the JDK complains that the client sent no close_notify, and shuts the input down anyway
            }
            String outcome = read.get(5, TimeUnit.SECONDS);
            assertTrue(outcome.equals("read -1") || outcome.equals("failed"), outcome);
            backend.close();
        }
    }

    @Test
    void errors_after_the_tls_handshake_are_sent_encrypted() throws Exception {
        listen(handshake(100, 5_000, TestTls.serverTls()));
        try (Socket client = connect()) {
            send(client, Packets.sslRequest());
            assertEquals('S', client.getInputStream().read());
            SSLSocket tls = TestTls.clientOver(client);
            send(tls, Packets.gssEncRequest());
            String fields = fatalError(tls.getInputStream());
            assertTrue(fields.contains("unsupported frontend protocol 1234.5680"), fields);
        }
        assertTrue(sessions.served.isEmpty());
    }

    @Test
    void a_client_failing_the_tls_handshake_is_dropped() throws Exception {
        listen(handshake(100, 5_000, TestTls.serverTls()));
        try (Socket client = connect()) {
            send(client, Packets.sslRequest());
            assertEquals('S', client.getInputStream().read());
            send(client, "not a TLS record at all".getBytes(StandardCharsets.US_ASCII));
            // the server may answer with a TLS alert before it closes
            byte[] answer = client.getInputStream().readAllBytes();
            assertTrue(answer.length < 100, "at most an alert: " + answer.length + " bytes");
        }
        assertTrue(sessions.served.isEmpty());
    }

    @Test
    void unix_domain_connections_are_not_offered_tls(@TempDir Path directory) throws Exception {
        StartupHandshake handshake = handshake(100, 5_000, TestTls.serverTls());
        try (UnixSocketListener listener = UnixSocketListener.open(directory, 5432, directory, handshake::run);
             SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            client.connect(UnixDomainSocketAddress.of(listener.socketPath()));
            var out = Channels.newOutputStream(client);
            InputStream in = Channels.newInputStream(client);
            out.write(Packets.sslRequest());
            assertEquals('N', in.read());
            out.write(Packets.startupMessage("user", "postgres"));
            ClientConnection connection = sessions.served.poll(5, TimeUnit.SECONDS);
            assertNotNull(connection);
            assertInstanceOf(UnixDomainSocket.class, connection.socket());
            assertInstanceOf(UnixDomainSocketAddress.class, connection.socket().getRemoteSocketAddress());
            connection.socket().close();
        }
        assertTrue(Files.notExists(directory.resolve(".s.PGSQL.5432")));
    }
}
