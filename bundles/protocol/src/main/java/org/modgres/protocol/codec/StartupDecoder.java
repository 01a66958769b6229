package org.modgres.protocol.codec;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;

import org.modgres.api.error.SqlState;
import org.modgres.protocol.PgProtocolException;
import org.modgres.protocol.ProtocolLimits;
import org.modgres.protocol.frontend.CancelRequest;
import org.modgres.protocol.frontend.GssEncRequest;
import org.modgres.protocol.frontend.SslRequest;
import org.modgres.protocol.frontend.StartupMessage;
import org.modgres.protocol.frontend.StartupPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the first packet of a connection (Int32 length counting itself, Int32 code, body), which
 * has no type byte. It reads exactly the packet and nothing more, so after an SSLRequest the
 * caller can still tell whether the client sent bytes before the answer (it must not). Every error
 * here is FATAL.
 */
public final class StartupDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(StartupDecoder.class);
    private static final int HEADER = 8;
    private static final int CANCEL_REQUEST_LENGTH = 16;
    private static final int SUPPORTED_MAJOR = 3;

    private final int maxPacketLength;

    public StartupDecoder() {
        this(ProtocolLimits.defaults());
    }

    public StartupDecoder(ProtocolLimits limits) {
        this.maxPacketLength = limits.maxStartupPacketLength();
    }

    /**
     * Returns the packet, or {@code null} when the client closed the connection without sending a
     * byte (as load balancers probing the port do).
     */
    public StartupPacket read(InputStream in) throws IOException {
        byte[] lengthWord = new byte[4];
        if (!StreamInput.readFully(in, lengthWord, 4, "incomplete startup packet")) {
            return null;
        }
        int length = StreamInput.int32(lengthWord, 0);
        if (length < HEADER || length > maxPacketLength) {
            throw PgProtocolException.fatal("invalid length of startup packet");
        }
        byte[] packet = StreamInput.readBody(in, length - 4, "incomplete startup packet");
        MessageBody body = new MessageBody(null, packet);
        StartupPacket decoded = decode(body.readInt32(), length, body);
        LOG.trace("<=FE {}", decoded);
        return decoded;
    }

    private static StartupPacket decode(int code, int length, MessageBody body) {
        return switch (code) {
            case SslRequest.CODE -> {
                requireLength(length, HEADER, "invalid length of startup packet");
                yield SslRequest.INSTANCE;
            }
            case GssEncRequest.CODE -> {
                requireLength(length, HEADER, "invalid length of startup packet");
                yield GssEncRequest.INSTANCE;
            }
            case CancelRequest.CODE -> {
                requireLength(length, CANCEL_REQUEST_LENGTH, "invalid length of query cancel packet");
                yield new CancelRequest(body.readInt32(), body.readInt32());
            }
            default -> decodeStartupMessage(code, body);
        };
    }

    private static StartupMessage decodeStartupMessage(int version, MessageBody body) {
        int major = version >>> 16;
        if (major != SUPPORTED_MAJOR) {
            // A newer minor version of 3 is not an error: the session answers NegotiateProtocolVersion.
            throw PgProtocolException.fatal(SqlState.FEATURE_NOT_SUPPORTED,
                    "unsupported frontend protocol " + major + "." + (version & 0xffff)
                            + ": server supports 3.0 to 3.0");
        }
        LinkedHashMap<String, String> parameters = new LinkedHashMap<>();
        try {
            while (true) {
                String name = body.readCString();
                if (name.isEmpty()) {
                    break;
                }
                parameters.put(name, body.readCString());
            }
            body.requireEnd();
        } catch (PgProtocolException e) {
            throw PgProtocolException.fatal("invalid startup packet layout: expected terminator as last byte");
        }
        return new StartupMessage(version, parameters);
    }

    private static void requireLength(int actual, int expected, String message) {
        if (actual != expected) {
            throw PgProtocolException.fatal(message);
        }
    }
}
