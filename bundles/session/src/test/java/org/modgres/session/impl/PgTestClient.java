package org.modgres.session.impl;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The client side of the protocol, encoded by hand as a driver does: frontend messages are
 * buffered and written in one go when the client starts reading, so a group of extended-protocol
 * messages reaches the server as one write, as pgjdbc sends it.
 */
final class PgTestClient implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    PgTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 65536));
    }

    /** Sends a StartupMessage, as a client of a real server does first. */
    PgTestClient startup(Map<String, String> parameters) {
        Body body = new Body().int32(196608);
        parameters.forEach((name, value) -> body.string(name).string(value));
        byte[] bytes = body.int8(0).bytes();
        return write(() -> {
            out.writeInt(bytes.length + 4);
            out.write(bytes);
        });
    }

    PgTestClient query(String sql) {
        return send('Q', new Body().string(sql));
    }

    PgTestClient parse(String statement, String sql, int... parameterOids) {
        Body body = new Body().string(statement).string(sql).int16(parameterOids.length);
        for (int oid : parameterOids) {
            body.int32(oid);
        }
        return send('P', body);
    }

    /** Binds text parameters (null for SQL NULL), results in text. */
    PgTestClient bind(String portal, String statement, String... parameters) {
        byte[][] values = new byte[parameters.length][];
        for (int i = 0; i < parameters.length; i++) {
            values[i] = parameters[i] == null ? null : parameters[i].getBytes(StandardCharsets.UTF_8);
        }
        return bind(portal, statement, new short[0], values, new short[0]);
    }

    PgTestClient bind(String portal, String statement, short[] parameterFormats, byte[][] values,
                      short[] resultFormats) {
        Body body = new Body().string(portal).string(statement).int16(parameterFormats.length);
        for (short format : parameterFormats) {
            body.int16(format);
        }
        body.int16(values.length);
        for (byte[] value : values) {
            if (value == null) {
                body.int32(-1);
            } else {
                body.int32(value.length).raw(value);
            }
        }
        body.int16(resultFormats.length);
        for (short format : resultFormats) {
            body.int16(format);
        }
        return send('B', body);
    }

    PgTestClient describeStatement(String name) {
        return send('D', new Body().int8('S').string(name));
    }

    PgTestClient describePortal(String name) {
        return send('D', new Body().int8('P').string(name));
    }

    PgTestClient execute(String portal, int maxRows) {
        return send('E', new Body().string(portal).int32(maxRows));
    }

    PgTestClient closeStatement(String name) {
        return send('C', new Body().int8('S').string(name));
    }

    PgTestClient closePortal(String name) {
        return send('C', new Body().int8('P').string(name));
    }

    /** Sends any message, also one no client should send. */
    PgTestClient message(char type, byte[] body) {
        return send(type, new Body().raw(body));
    }

    PgTestClient sync() {
        return send('S', new Body());
    }

    PgTestClient flush() {
        return send('H', new Body());
    }

    PgTestClient terminate() {
        return send('X', new Body());
    }

    /** Writes what is buffered to the socket, for a test that does not read the answer at once. */
    PgTestClient send() {
        return write(out::flush);
    }

    /** Reads the next message; fails when the server closed the connection. */
    ServerMessage read() {
        try {
            out.flush();
            char type = (char) in.readUnsignedByte();
            byte[] body = new byte[in.readInt() - 4];
            in.readFully(body);
            return new ServerMessage(type, body);
        } catch (IOException e) {
            throw new UncheckedIOException("no message from the server", e);
        }
    }

    /** Reads messages up to and including the next ReadyForQuery. */
    List<ServerMessage> untilReady() {
        List<ServerMessage> messages = new ArrayList<>();
        ServerMessage message;
        do {
            message = read();
            messages.add(message);
        } while (message.type() != 'Z');
        return messages;
    }

    /**
     * Reads messages up to the next ReadyForQuery and checks their types, e.g. {@code 12TDCZ}, so
     * that a test states a whole exchange at a glance.
     */
    List<ServerMessage> expect(String expectedTypes) {
        List<ServerMessage> messages = untilReady();
        if (!types(messages).equals(expectedTypes)) {
            throw new AssertionError("expected " + expectedTypes + " but the server sent " + types(messages)
                    + ": " + messages);
        }
        return messages;
    }

    /** Returns true when the server closed the connection with nothing more to say. */
    boolean closedByServer() {
        try {
            out.flush();
            return in.read() < 0;
        } catch (EOFException e) {
            return true;
        } catch (IOException e) {
            return e.getMessage() != null && e.getMessage().contains("reset");
        }
    }

    static String types(List<ServerMessage> messages) {
        StringBuilder types = new StringBuilder();
        messages.forEach(m -> types.append(m.type()));
        return types.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private PgTestClient send(char type, Body body) {
        byte[] bytes = body.bytes();
        return write(() -> {
            out.writeByte(type);
            out.writeInt(bytes.length + 4);
            out.write(bytes);
        });
    }

    private interface Write {
        void run() throws IOException;
    }

    private PgTestClient write(Write write) {
        try {
            write.run();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A message body under construction. */
    private static final class Body {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream data = new DataOutputStream(bytes);

        Body int8(int value) {
            return put(() -> data.writeByte(value));
        }

        Body int16(int value) {
            return put(() -> data.writeShort(value));
        }

        Body int32(int value) {
            return put(() -> data.writeInt(value));
        }

        Body string(String value) {
            return put(() -> {
                data.write(value.getBytes(StandardCharsets.UTF_8));
                data.writeByte(0);
            });
        }

        Body raw(byte[] value) {
            return put(() -> data.write(value));
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }

        private Body put(Write write) {
            try {
                write.run();
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
