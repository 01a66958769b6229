package org.modgres.protocol.frontend;

import java.util.Arrays;
import java.util.Objects;

/** A chunk of COPY FROM STDIN data; chunks need not line up with rows. */
public record CopyData(byte[] data) implements FrontendMessage {
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
