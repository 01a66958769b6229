package org.modgres.protocol.backend;

import java.util.Arrays;
import java.util.Objects;

/**
 * Starts COPY FROM STDIN: the client sends CopyData, then CopyDone or CopyFail. {@code format} is 0 (text, and then
 * every column format is 0) or 1 (binary).
 */
public record CopyInResponse(int format, short[] columnFormats) implements BackendMessage {
    public CopyInResponse {
        Objects.requireNonNull(columnFormats, "columnFormats");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CopyInResponse c && format == c.format && Arrays.equals(columnFormats, c.columnFormats);
    }

    @Override
    public int hashCode() {
        return 31 * format + Arrays.hashCode(columnFormats);
    }

    @Override
    public String toString() {
        return "CopyInResponse[format=" + format + ", columnFormats=" + Arrays.toString(columnFormats) + "]";
    }
}
