package org.modgres.protocol.codec;

import java.io.IOException;
import java.io.InputStream;

import org.modgres.api.error.SqlState;
import org.modgres.protocol.MessageType;
import org.modgres.protocol.PgProtocolException;
import org.modgres.protocol.ProtocolLimits;

/**
 * Cuts the input into messages: type byte, Int32 length (counting itself), body. It only frames;
 * {@link MessageReader} decodes.
 */
final class FrameDecoder {
    private static final int LENGTH_WORD = 4;

    private final InputStream in;
    private final ProtocolLimits limits;
    private final byte[] lengthWord = new byte[LENGTH_WORD];

    FrameDecoder(InputStream in, ProtocolLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    /** Returns the next frame, or {@code null} when the stream ends cleanly between messages. */
    Frame next() throws IOException {
        int code = in.read();
        if (code < 0) {
            return null;
        }
        // SPEC (PostgreSQL SocketBackend): validate the type before reading the length. After a lost
        // message boundary, "invalid type" is a better report than running out of memory on a
        // length word made of garbage.
        MessageType type = MessageType.frontend(code);
        if (type == null) {
            throw PgProtocolException.fatal("invalid frontend message type " + code);
        }
        if (!StreamInput.readFully(in, lengthWord, LENGTH_WORD, "unexpected EOF within message length word")) {
            throw PgProtocolException.fatal("unexpected EOF within message length word");
        }
        int length = StreamInput.int32(lengthWord, 0);
        checkLength(type, length);
        byte[] body = StreamInput.readBody(in, length - LENGTH_WORD, "incomplete message from client");
        return new Frame(type, body);
    }

    private void checkLength(MessageType type, int length) {
        int max = limits.maxMessageLength(type);
        if (length < LENGTH_WORD || (length > max && type.sizeClass() != MessageType.SizeClass.LARGE)) {
            throw PgProtocolException.fatal("invalid message length");
        }
        if (length > max) {
            throw PgProtocolException.fatal(SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "message of type '" + (char) type.code() + "' is too long: " + length
                            + " bytes exceed the limit of " + max);
        }
    }
}
