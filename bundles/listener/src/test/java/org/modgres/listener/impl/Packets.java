package org.modgres.listener.impl;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The packets a client sends first, built by hand as the tests' clients send them. */
final class Packets {

    private Packets() {
    }

    static byte[] sslRequest() {
        return code(80877103);
    }

    static byte[] gssEncRequest() {
        return code(80877104);
    }

    static byte[] cancelRequest(int processId, int secretKey) {
        return code(80877102, processId, secretKey);
    }

    /** A protocol 3.0 StartupMessage with these name/value pairs. */
    static byte[] startupMessage(String... pairs) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        try {
            out.writeInt(196608);
            for (String s : pairs) {
                out.write(s.getBytes(StandardCharsets.UTF_8));
                out.write(0);
            }
            out.write(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return framed(body.toByteArray());
    }

    private static byte[] code(int code, int... more) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        try {
            out.writeInt(code);
            for (int m : more) {
                out.writeInt(m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return framed(body.toByteArray());
    }

    private static byte[] framed(byte[] body) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(packet);
        try {
            out.writeInt(body.length + 4);
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packet.toByteArray();
    }
}
