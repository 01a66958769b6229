package org.modgres.protocol.backend;

import java.util.Arrays;
import java.util.Objects;

/** A chunk of COPY TO STDOUT data; PostgreSQL sends one row per message. */
public record CopyData(byte[] data) implements BackendMessage {
    public CopyData {
        Objects.requireNonNull(data, "data");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CopyData c && Arrays.equals(data, c.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "CopyData[" + data.length + " bytes]";
    }
}
