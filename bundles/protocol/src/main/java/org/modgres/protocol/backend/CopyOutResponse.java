package org.modgres.protocol.backend;

import java.util.Arrays;
import java.util.Objects;

/**
 * Starts COPY TO STDOUT: CopyData messages and CopyDone follow. {@code format} is 0 (text, and then
 * every column format is 0) or 1 (binary).
 */
public record CopyOutResponse(int format, short[] columnFormats) implements BackendMessage {
    public CopyOutResponse {
        Objects.requireNonNull(columnFormats, "columnFormats");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CopyOutResponse c && format == c.format && Arrays.equals(columnFormats, c.columnFormats);
    }

    @Override
    public int hashCode() {
        return 31 * format + Arrays.hashCode(columnFormats);
    }

    @Override
    public String toString() {
        return "CopyOutResponse[format=" + format + ", columnFormats=" + Arrays.toString(columnFormats) + "]";
    }
}
