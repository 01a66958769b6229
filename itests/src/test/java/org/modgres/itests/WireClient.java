package org.modgres.itests;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A client that writes protocol messages by hand, for exchanges no driver at hand makes (COPY
 * through Parse, Bind and Execute, as libpq's PQexecParams sends it). Messages are buffered until
 * the client reads, so a group of them reaches the server in one write.
 */
final class WireClient implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private String lastTag;
    private String lastErrorCode;

    private WireClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
    }

    /** Connects as postgres to the database postgres and reads up to the first ReadyForQuery. */
    static WireClient connect(int port) throws IOException {
        WireClient client = new WireClient(new Socket("127.0.0.1", port));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream startup = new DataOutputStream(body);
        startup.writeInt(3 << 16);
        for (String s : new String[] {"user", "postgres", "database", "postgres"}) {
            startup.write(cString(s));
        }
        startup.write(0);
        client.out.writeInt(body.size() + 4);
        client.out.write(body.toByteArray());
        String types = client.typesUntilReady();
        if (!types.startsWith("R")) {
            throw new IOException("startup failed: " + types);
        }
        return client;
    }

    WireClient query(String sql) throws IOException {
        return send('Q', cString(sql));
    }

    /** Parses the unnamed statement, with no parameter types. */
    WireClient parse(String sql) throws IOException {
        return send('P', concat(cString(""), cString(sql), new byte[2]));
    }

    /** Binds the unnamed portal to the unnamed statement, without parameters, results in text. */
    WireClient bind() throws IOException {
        return send('B', new byte[] {0, 0, 0, 0, 0, 0, 0, 0});
    }

    WireClient describePortal() throws IOException {
        return send('D', new byte[] {'P', 0});
    }

    WireClient describeStatement() throws IOException {
        return send('D', new byte[] {'S', 0});
    }

    /** Executes the unnamed portal to its end. */
    WireClient execute() throws IOException {
        return send('E', new byte[] {0, 0, 0, 0, 0});
    }

    WireClient sync() throws IOException {
        return send('S', new byte[0]);
    }

    WireClient copyData(byte[] data) throws IOException {
        return send('d', data);
    }

    WireClient copyDone() throws IOException {
        return send('c', new byte[0]);
    }

    WireClient copyFail(String message) throws IOException {
        return send('f', cString(message));
    }

    /** Reads this many messages and returns their types. */
    String types(int count) throws IOException {
        StringBuilder types = new StringBuilder();
        for (int i = 0; i < count; i++) {
            types.append(read());
        }
        return types.toString();
    }

    /** Reads up to and including ReadyForQuery and returns the types of the messages. */
    String typesUntilReady() throws IOException {
        StringBuilder types = new StringBuilder();
        char type;
        do {
            type = read();
            types.append(type);
        } while (type != 'Z');
        return types.toString();
    }

    /** The tag of the last CommandComplete read. */
    String lastTag() {
        return lastTag;
    }

    /** The SQLSTATE of the last ErrorResponse read. */
    String lastErrorCode() {
        return lastErrorCode;
    }

    private char read() throws IOException {
        out.flush();
        char type = (char) in.readUnsignedByte();
        byte[] body = new byte[in.readInt() - 4];
        in.readFully(body);
        if (type == 'C') {
            lastTag = new String(body, 0, body.length - 1, StandardCharsets.UTF_8);
        } else if (type == 'E') {
            lastErrorCode = field(body, 'C');
        }
        return type;
    }

    private static String field(byte[] body, char code) {
        int at = 0;
        while (at < body.length && body[at] != 0) {
            int end = at + 1;
            while (body[end] != 0) {
                end++;
            }
            if (body[at] == code) {
                return new String(body, at + 1, end - at - 1, StandardCharsets.UTF_8);
            }
            at = end + 1;
        }
        return null;
    }

    private WireClient send(char type, byte[] body) throws IOException {
        out.write(type);
        out.writeInt(body.length + 4);
        out.write(body);
        return this;
    }

    private static byte[] cString(String s) {
        return concat(s.getBytes(StandardCharsets.UTF_8), new byte[1]);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }

    @Override
    public void close() throws IOException {
        send('X', new byte[0]);
        out.flush();
        socket.close();
    }
}
