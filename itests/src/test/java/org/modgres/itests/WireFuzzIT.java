package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken clients on raw sockets: random bytes before the startup packet, random and
 * mutated protocol messages after it, lengths that lie. Whatever arrives, the server answers with
 * well-formed messages only (errors carry a SQLSTATE, never a Java exception), closes the
 * connection when the client is gone, and keeps serving everybody else.
 */
class WireFuzzIT {

    private static final long SEED = Long.getLong("modgres.fuzz.seed", 20261125L);
    private static final int CASES = Integer.getInteger("modgres.fuzz.cases", 150);
    private static final int READ_TIMEOUT_MILLIS = 15_000;
    private static final byte[] MESSAGE_TYPES = "QPBEDCSHFdcfXpT!?".getBytes(StandardCharsets.US_ASCII);

    private static ModgresServer server;

    @BeforeAll
    static void start() {
        server = ModgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static byte[] startupPacket() {
        byte[] parameters = "user\0postgres\0database\0postgres\0\0".getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(8 + parameters.length).putInt(8 + parameters.length).putInt(196608)
                .put(parameters).array();
    }

    private static byte[] message(char type, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) type).putInt(4 + body.length).put(body).array();
    }

    private static byte[] cString(String s) {
        return (s + "\0").getBytes(StandardCharsets.UTF_8);
    }

    /** A valid extended-protocol round trip, for mutating. */
    private static byte[] extendedQuery() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer parse = ByteBuffer.allocate(64);
        parse.put(cString("s1")).put(cString("select $1::int + 1")).putShort((short) 1).putInt(23);
        out.writeBytes(message('P', java.util.Arrays.copyOf(parse.array(), parse.position())));
        ByteBuffer bind = ByteBuffer.allocate(64);
        bind.put(cString("")).put(cString("s1")).putShort((short) 0).putShort((short) 1).putInt(1)
                .put((byte) '7').putShort((short) 0);
        out.writeBytes(message('B', java.util.Arrays.copyOf(bind.array(), bind.position())));
        out.writeBytes(message('E', ByteBuffer.allocate(5).put((byte) 0).putInt(0).array()));
        out.writeBytes(message('S', new byte[0]));
        return out.toByteArray();
    }

    private static byte[] randomBytes(Random random, int max) {
        byte[] bytes = new byte[random.nextInt(max + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Random messages of known and unknown types whose lengths may lie. */
    private static byte[] randomMessages(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            byte[] body = randomBytes(random, 40);
            int length = switch (random.nextInt(5)) {
                case 0 -> random.nextInt();
                case 1 -> Integer.MAX_VALUE;
                case 2 -> random.nextInt(8);
                default -> 4 + body.length;
            };
            out.write(MESSAGE_TYPES[random.nextInt(MESSAGE_TYPES.length)]);
            out.writeBytes(ByteBuffer.allocate(4).putInt(length).array());
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private static byte[] mutated(Random random, byte[] valid) {
        byte[] bytes = valid.clone();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return random.nextBoolean() ? bytes : java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
    }

    /**
     * Sends the bytes, stops writing, and reads until the server closes the connection: every
     * message must be well formed, and an error must be an ErrorResponse with a SQLSTATE.
     */
    private static void sendAndDrain(byte[] prefix, byte[] payload, String label) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            if (prefix != null) {
                socket.getOutputStream().write(prefix);
                readUntilReady(in, label);
            }
            try {
                socket.getOutputStream().write(payload);
                socket.shutdownOutput();
            } catch (IOException closedByServer) {
                // the server may close as soon as it has seen enough to refuse
            }
            readMessagesUntilClosed(in, prefix == null, label);
        }
    }

    private static void readUntilReady(DataInputStream in, String label) throws IOException {
        while (true) {
            int type = in.readUnsignedByte();
            byte[] body = body(in, label);
            if (type == 'E') {
                fail(label + ": startup refused: " + new String(body, StandardCharsets.UTF_8));
            }
            if (type == 'Z') {
                return;
            }
        }
    }

    private static void readMessagesUntilClosed(DataInputStream in, boolean beforeStartup, String label)
            throws IOException {
        try {
            boolean first = true;
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                if (beforeStartup && first && (type == 'N' || type == 'S')) {
                    // the answer to what looked like an SSLRequest or GSSENCRequest is one byte
                    first = false;
                    continue;
                }
                first = false;
                byte[] body = body(in, label);
                if (type == 'E' || type == 'N') {
                    assertWellFormedNotice(body, label);
                }
            }
        } catch (SocketTimeoutException e) {
            fail(label + ": the server neither answered nor closed within " + READ_TIMEOUT_MILLIS + " ms");
        } catch (IOException reset) {
            // a connection reset after the server closed is a close
        }
    }

    private static byte[] body(DataInputStream in, String label) throws IOException {
        int length = in.readInt();
        assertTrue(length >= 4 && length < 1 << 20, label + ": message length " + length);
        byte[] body = new byte[length - 4];
        in.readFully(body);
        return body;
    }

    /** An ErrorResponse or NoticeResponse: fields with a five-character SQLSTATE, no Java in the text. */
    private static void assertWellFormedNotice(byte[] body, String label) {
        String fields = new String(body, StandardCharsets.UTF_8);
        assertTrue(fields.endsWith("\0"), label + ": unterminated fields " + fields);
        boolean sqlState = false;
        for (String field : fields.substring(0, fields.length() - 1).split("\0")) {
            assertFalse(field.isEmpty(), label + ": empty field in " + fields);
            if (field.charAt(0) == 'C') {
                assertEquals(6, field.length(), label + ": SQLSTATE " + field);
                sqlState = true;
            }
            assertFalse(field.contains("Exception") || field.contains("\tat ") || field.contains("java."),
                    label + ": Java on the wire: " + field);
        }
        assertTrue(sqlState, label + ": no SQLSTATE in " + fields);
    }

    private static void assertServerServes() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select 40 + 2")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void random_bytes_before_the_startup_packet() throws Exception {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            byte[] garbage = randomBytes(random, 64);
            if (random.nextInt(3) == 0 && garbage.length >= 8) {
                // a plausible length and protocol code, then nonsense parameters
                ByteBuffer.wrap(garbage).putInt(garbage.length).putInt(random.nextBoolean() ? 196608 : 80877103);
            }
            sendAndDrain(null, garbage, "pre-startup case " + i + " (seed " + SEED + ")");
        }
        assertServerServes();
    }

    @Test
    void random_and_mutated_messages_after_startup() throws Exception {
        Random random = new Random(SEED + 1);
        byte[] valid = extendedQuery();
        for (int i = 0; i < CASES; i++) {
            byte[] payload = random.nextBoolean() ? randomMessages(random) : mutated(random, valid);
            sendAndDrain(startupPacket(), payload, "post-startup case " + i + " (seed " + SEED + ")");
        }
        assertServerServes();
        String log = server.log();
        assertFalse(log.contains("OutOfMemoryError") || log.contains("Exception in thread"), log);
    }

    @Test
    void a_message_that_claims_a_gigabyte_is_refused_without_reading_it() throws Exception {
        byte[] claim = ByteBuffer.allocate(5).put((byte) 'Q').putInt(Integer.MAX_VALUE).array();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            socket.getOutputStream().write(startupPacket());
            readUntilReady(in, "gigabyte");
            socket.getOutputStream().write(claim);
            int type = in.readUnsignedByte();
            assertEquals('E', type, "an ErrorResponse before any more bytes are sent");
            String fields = new String(body(in, "gigabyte"), StandardCharsets.UTF_8);
            assertTrue(fields.contains("SFATAL") && (fields.contains("C54000") || fields.contains("C08P01")), fields);
            assertEquals(-1, readToEnd(in), "the connection is closed");
        }
        assertServerServes();
    }

    private static int readToEnd(InputStream in) throws IOException {
        try {
            int b;
            do {
                b = in.read();
            } while (b >= 0);
            return b;
        } catch (EOFException e) {
            return -1;
        }
    }
}
