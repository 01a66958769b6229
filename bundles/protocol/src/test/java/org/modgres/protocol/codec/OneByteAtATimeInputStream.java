package org.modgres.protocol.codec;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** Hands out at most one byte per read, as a slow network might. */
final class OneByteAtATimeInputStream extends InputStream {
    private final ByteArrayInputStream in;

    OneByteAtATimeInputStream(byte[] bytes) {
        this.in = new ByteArrayInputStream(bytes);
    }

    @Override
    public int read() {
        return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
        return len == 0 ? 0 : in.read(b, off, 1);
    }
}
