package org.modgres.protocol.backend;

import java.util.Arrays;
import java.util.Objects;

/** Answers Describe Statement with the type OIDs of the statement's parameters. */
public record ParameterDescription(int[] typeOids) implements BackendMessage {
    public ParameterDescription {
        Objects.requireNonNull(typeOids, "typeOids");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterDescription p && Arrays.equals(typeOids, p.typeOids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(typeOids);
    }

    @Override
    public String toString() {
        return "ParameterDescription" + Arrays.toString(typeOids);
    }
}
