package org.modgres.protocol.backend;

import java.util.Arrays;
import java.util.Objects;

/** Carries the SASL outcome (for SCRAM, the server-final-message); AuthenticationOk follows. */
public record AuthenticationSaslFinal(byte[] data) implements BackendMessage {
    public AuthenticationSaslFinal {
        Objects.requireNonNull(data, "data");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticationSaslFinal s && Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "AuthenticationSaslFinal[" + data.length + " bytes]";
    }
}
