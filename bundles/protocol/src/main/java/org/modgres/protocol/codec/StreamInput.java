package org.modgres.protocol.codec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.modgres.protocol.PgProtocolException;

/** Blocking reads of exact byte counts, telling a clean end of stream from one inside a message. */
final class StreamInput {
    /**
     * Bodies up to this size are allocated at once; larger ones grow as their bytes arrive, so a
     * client announcing a huge message it never sends cannot make the server allocate it.
     */
    private static final int EAGER_ALLOCATION_LIMIT = 64 * 1024;

    private StreamInput() {
    }

    /**
     * Reads {@code length} bytes into {@code buffer}. Returns false when the stream ends before the
     * first byte; throws {@code whenTruncated} when it ends after it.
     */
    static boolean readFully(InputStream in, byte[] buffer, int length, String whenTruncated) throws IOException {
        int filled = 0;
        while (filled < length) {
            int n = in.read(buffer, filled, length - filled);
            if (n < 0) {
                if (filled == 0) {
                    return false;
                }
                throw PgProtocolException.fatal(whenTruncated);
            }
            filled += n;
        }
        return true;
    }

    /** Reads exactly {@code length} bytes; the stream must not end before. */
    static byte[] readBody(InputStream in, int length, String whenTruncated) throws IOException {
        byte[] body = new byte[Math.min(length, EAGER_ALLOCATION_LIMIT)];
        int filled = 0;
        while (filled < length) {
            if (filled == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(length, 2L * body.length));
            }
            int n = in.read(body, filled, body.length - filled);
            if (n < 0) {
                throw PgProtocolException.fatal(whenTruncated);
            }
            filled += n;
        }
        return body;
    }

    static int int32(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16)
                | ((bytes[offset + 2] & 0xff) << 8) | (bytes[offset + 3] & 0xff);
    }
}
