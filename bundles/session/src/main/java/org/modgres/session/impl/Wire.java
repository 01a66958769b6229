package org.modgres.session.impl;

import java.io.IOException;
import java.io.OutputStream;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.protocol.backend.BackendMessage;
import org.modgres.protocol.backend.NoticeResponse;
import org.modgres.protocol.codec.MessageWriter;

/**
 * What a backend sends. Messages collect in a buffer written to the socket at once when the
 * client waits for them (ReadyForQuery, Flush) or when the buffer grows large, so that a reply
 * costs one system call and never meets Nagle's algorithm halfway.
 */
final class Wire {

    /** Above this many buffered bytes a long result is sent on without waiting for its end. */
    private static final int STREAMING_THRESHOLD = 64 * 1024;

    private final MessageWriter writer = new MessageWriter();
    private final OutputStream out;

    Wire(OutputStream out) {
        this.out = out;
    }

    void send(BackendMessage message) {
        writer.write(message);
    }

    /** Queues a NOTICE (or WARNING) for the client. */
    void notice(Severity severity, SqlState state, String message) {
        writer.write(new NoticeResponse(severity, state.code(), message, null, null, 0));
    }

    void notice(PgException warning) {
        writer.write(new NoticeResponse(warning.severity(), warning.sqlState().code(), warning.getMessage(),
                warning.detail(), warning.hint(), warning.position()));
    }

    void flush() throws IOException {
        writer.flushTo(out);
    }

    void flushIfLarge() throws IOException {
        if (writer.size() >= STREAMING_THRESHOLD) {
            writer.flushTo(out);
        }
    }
}
