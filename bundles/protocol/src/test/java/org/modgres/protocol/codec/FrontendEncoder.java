package org.modgres.protocol.codec;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.modgres.protocol.frontend.Bind;
import org.modgres.protocol.frontend.CancelRequest;
import org.modgres.protocol.frontend.Close;
import org.modgres.protocol.frontend.CopyData;
import org.modgres.protocol.frontend.CopyDone;
import org.modgres.protocol.frontend.CopyFail;
import org.modgres.protocol.frontend.Describe;
import org.modgres.protocol.frontend.Execute;
import org.modgres.protocol.frontend.Flush;
import org.modgres.protocol.frontend.FrontendMessage;
import org.modgres.protocol.frontend.FunctionCall;
import org.modgres.protocol.frontend.GssEncRequest;
import org.modgres.protocol.frontend.Parse;
import org.modgres.protocol.frontend.PasswordMessage;
import org.modgres.protocol.frontend.Query;
import org.modgres.protocol.frontend.SaslInitialResponse;
import org.modgres.protocol.frontend.SslRequest;
import org.modgres.protocol.frontend.StartupMessage;
import org.modgres.protocol.frontend.Sync;
import org.modgres.protocol.frontend.Terminate;

/** The client side of the codec, for tests only: encodes frontend messages as a client would. */
final class FrontendEncoder {
    private FrontendEncoder() {
    }

    static byte[] encode(FrontendMessage message) {
        return switch (message) {
            case SslRequest s -> packet(out -> out.writeInt(SslRequest.CODE));
            case GssEncRequest g -> packet(out -> out.writeInt(GssEncRequest.CODE));
            case CancelRequest c -> packet(out -> {
                out.writeInt(CancelRequest.CODE);
                out.writeInt(c.processId());
                out.writeInt(c.secretKey());
            });
            case StartupMessage s -> packet(out -> {
                out.writeInt(s.protocolVersion());
                for (Map.Entry<String, String> e : s.parameters().entrySet()) {
                    cstring(out, e.getKey());
                    cstring(out, e.getValue());
                }
                out.writeByte(0);
            });
            case Query q -> message('Q', out -> cstring(out, q.sql()));
            case Parse p -> message('P', out -> {
                cstring(out, p.statementName());
                cstring(out, p.sql());
                out.writeShort(p.parameterTypeCount());
                for (int oid : p.parameterTypeOids()) {
                    out.writeInt(oid);
                }
            });
            case Bind b -> message('B', out -> {
                cstring(out, b.portalName());
                cstring(out, b.statementName());
                shorts(out, b.parameterFormats());
                values(out, b.parameterValues());
                shorts(out, b.resultFormats());
            });
            case Describe d -> message('D', out -> {
                out.writeByte(d.kind());
                cstring(out, d.name());
            });
            case Execute e -> message('E', out -> {
                cstring(out, e.portalName());
                out.writeInt(e.maxRows());
            });
            case Close c -> message('C', out -> {
                out.writeByte(c.kind());
                cstring(out, c.name());
            });
            case Sync s -> message('S', out -> { });
            case Flush f -> message('H', out -> { });
            case Terminate t -> message('X', out -> { });
            case PasswordMessage p -> message('p', out -> out.write(p.data()));
            case SaslInitialResponse s -> message('p', out -> {
                cstring(out, s.mechanism());
                if (s.data() == null) {
                    out.writeInt(-1);
                } else {
                    out.writeInt(s.data().length);
                    out.write(s.data());
                }
            });
            case CopyData c -> message('d', out -> out.write(c.data()));
            case CopyDone c -> message('c', out -> { });
            case CopyFail c -> message('f', out -> cstring(out, c.message()));
            case FunctionCall f -> message('F', out -> {
                out.writeInt(f.functionOid());
                shorts(out, f.argumentFormats());
                values(out, f.arguments());
                out.writeShort(f.resultFormat());
            });
        };
    }

    /** Frames a body written by {@code body} as a regular message: type byte, length, body. */
    static byte[] message(char type, Body body) {
        byte[] content = bytes(body);
        return bytes(out -> {
            out.writeByte(type);
            out.writeInt(content.length + 4);
            out.write(content);
        });
    }

    static byte[] concat(byte[]... parts) {
        return bytes(out -> {
            for (byte[] part : parts) {
                out.write(part);
            }
        });
    }

    static byte[] bytes(Body body) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            body.write(new DataOutputStream(buffer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static byte[] packet(Body body) {
        byte[] content = bytes(body);
        return bytes(out -> {
            out.writeInt(content.length + 4);
            out.write(content);
        });
    }

    private static void cstring(DataOutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.writeByte(0);
    }

    private static void shorts(DataOutputStream out, short[] values) throws IOException {
        out.writeShort(values.length);
        for (short v : values) {
            out.writeShort(v);
        }
    }

    private static void values(DataOutputStream out, byte[][] values) throws IOException {
        out.writeShort(values.length);
        for (byte[] v : values) {
            if (v == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(v.length);
                out.write(v);
            }
        }
    }

    @FunctionalInterface
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }
}
