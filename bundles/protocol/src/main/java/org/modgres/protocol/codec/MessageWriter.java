package org.modgres.protocol.codec;

import java.io.IOException;
import java.io.OutputStream;

import org.modgres.protocol.backend.BackendMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes backend messages into memory and sends them in one write. Replies to pipelined requests
 * accumulate until the session flushes (at Sync, Flush, the end of a simple query, or when
 * {@link #size()} says a large result should go out). Not thread-safe: one writer per connection.
 */
public final class MessageWriter {
    private static final Logger LOG = LoggerFactory.getLogger(MessageWriter.class);
    private static final int INITIAL_CAPACITY = 8 * 1024;

    private final OutputBuffer buffer = new OutputBuffer(INITIAL_CAPACITY);

    /** Appends a message; nothing is sent yet. */
    public MessageWriter write(BackendMessage message) {
        BackendEncoders.encode(message, buffer);
        LOG.trace("BE=> {}", message);
        return this;
    }

    /** Returns the number of bytes waiting to be sent. */
    public int size() {
        return buffer.size();
    }

    /** Writes everything buffered in one call, flushes the stream and empties the buffer. */
    public void flushTo(OutputStream out) throws IOException {
        try {
            if (buffer.size() > 0) {
                out.write(buffer.array(), 0, buffer.size());
            }
            out.flush();
        } finally {
            buffer.clear();
        }
    }

    /** Drops what is buffered, e.g. when the connection is being closed anyway. */
    public void discard() {
        buffer.clear();
    }
}
