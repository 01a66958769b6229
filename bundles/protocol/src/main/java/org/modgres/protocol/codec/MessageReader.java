package org.modgres.protocol.codec;

import java.io.IOException;
import java.io.InputStream;

import org.modgres.protocol.ProtocolLimits;
import org.modgres.protocol.frontend.FrontendMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the regular messages of a connection, after the startup packet, one at a time. It reads
 * exactly the bytes of each message and buffers nothing, so pass it a buffered stream (the same
 * one {@link StartupDecoder} read from). Not thread-safe: one reader per connection.
 */
public final class MessageReader {
    private static final Logger LOG = LoggerFactory.getLogger(MessageReader.class);

    private final FrameDecoder frames;

    public MessageReader(InputStream in) {
        this(in, ProtocolLimits.defaults());
    }

    public MessageReader(InputStream in, ProtocolLimits limits) {
        this.frames = new FrameDecoder(in, limits);
    }

    /**
     * Returns the next message, or {@code null} when the client closed the connection between
     * messages.
     *
     * @throws org.modgres.protocol.PgProtocolException when the input breaks the protocol; see its
     *         {@code isFatal()} for whether the connection can go on
     * @throws IOException when reading fails
     */
    public FrontendMessage read() throws IOException {
        Frame frame = frames.next();
        if (frame == null) {
            return null;
        }
        FrontendMessage message = FrontendDecoders.forType(frame.type())
                .decode(new MessageBody(frame.type(), frame.body()));
        LOG.trace("<=FE {}", message);
        return message;
    }
}
