package org.modgres.listener.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.session.ClientConnection;
import org.modgres.api.session.SessionInfo;
import org.modgres.api.session.SessionManager;

/** Drives the postmaster's startup handshake over a real loopback connection. */
class StartupHandshakeTest {

    /** Records what the handshake hands over, in place of the session bundle. */
    private static final class RecordingSessions implements SessionManager {
        final BlockingQueue<ClientConnection> served = new LinkedBlockingQueue<>();
        final BlockingQueue<int[]> cancels = new LinkedBlockingQueue<>();

        @Override
        public void serve(ClientConnection connection) {
            served.add(connection);
        }

        @Override
        public void cancel(int processId, int secretKey) {
            cancels.add(new int[] {processId, secretKey});
        }

        @Override
        public boolean cancelStatement(int processId) {
            return false;
        }

        @Override
        public List<SessionInfo> sessions() {
            return List.of();
        }

        @Override
        public boolean terminate(int processId) {
            return false;
        }
    }

    private final RecordingSessions sessions = new RecordingSessions();
    private final ServerSocket server;

    StartupHandshakeTest() throws IOException {
        server = new ServerSocket(0);
        StartupHandshake handshake = new StartupHandshake(sessions, 2_000);
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

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    private Socket connect() throws IOException {
        return new Socket("127.0.0.1", server.getLocalPort());
    }

    private static byte[] startupMessage(String... pairs) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        out.writeInt(196608);
        for (String s : pairs) {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        out.write(0);
        return framed(body.toByteArray());
    }

    private static byte[] framed(byte[] body) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(packet);
        out.writeInt(body.length + 4);
        out.write(body);
        return packet.toByteArray();
    }

    private static byte[] code(int code, int... more) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        out.writeInt(code);
        for (int m : more) {
            out.writeInt(m);
        }
        return framed(body.toByteArray());
    }

    @Test
    void ssl_request_is_refused_and_the_startup_message_handed_over() throws Exception {
        try (Socket client = connect()) {
            client.getOutputStream().write(code(80877103));
            assertEquals('N', client.getInputStream().read());
            client.getOutputStream().write(startupMessage("user", "postgres", "database", "postgres",
                    "application_name", "psql"));
            ClientConnection connection = sessions.served.poll(5, TimeUnit.SECONDS);
            assertEquals(196608, connection.protocolVersion());
            assertEquals(List.of("user", "database", "application_name"),
                    List.copyOf(connection.startupParameters().keySet()));
            assertEquals("psql", connection.startupParameters().get("application_name"));
            connection.socket().close();
        }
    }

    @Test
    void cancel_request_is_routed_with_its_key() throws Exception {
        try (Socket client = connect()) {
            client.getOutputStream().write(code(80877102, 4242, -17));
            assertArrayEquals(new int[] {4242, -17}, sessions.cancels.poll(5, TimeUnit.SECONDS));
            assertEquals(-1, client.getInputStream().read(), "the postmaster closes a cancel connection");
        }
        assertTrue(sessions.served.isEmpty());
    }

    @Test
    void oversized_startup_packet_gets_a_fatal_error_and_is_not_handed_over() throws Exception {
        try (Socket client = connect()) {
            new DataOutputStream(client.getOutputStream()).writeInt(20_000);
            DataInputStream in = new DataInputStream(client.getInputStream());
            assertEquals('E', in.read());
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            String fields = new String(body, StandardCharsets.UTF_8);
            assertTrue(fields.contains("FATAL"), fields);
            assertTrue(fields.contains("08P01"), fields);
            assertEquals(-1, in.read());
        }
        assertTrue(sessions.served.isEmpty());
    }

    @Test
    void client_that_never_finishes_startup_is_dropped_after_the_timeout() throws Exception {
        try (Socket client = connect()) {
            client.getOutputStream().write(new byte[] {0, 0});
            client.setSoTimeout(10_000);
            assertEquals(-1, client.getInputStream().read());
        }
        assertTrue(sessions.served.isEmpty());
    }
}
