package org.modgres.protocol.backend;

import java.util.Arrays;
import java.util.Objects;

/** One row of a result, each value already encoded in its column's format; {@code null} is SQL NULL. */
public record DataRow(byte[][] values) implements BackendMessage {
    public DataRow {
        Objects.requireNonNull(values, "values");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataRow d && Arrays.deepEquals(values, d.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "DataRow[" + values.length + " values]";
    }
}
