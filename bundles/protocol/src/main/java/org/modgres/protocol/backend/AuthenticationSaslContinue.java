package org.modgres.protocol.backend;

import java.util.Arrays;
import java.util.Objects;

/** Carries a SASL challenge (for SCRAM, the server-first-message). */
public record AuthenticationSaslContinue(byte[] data) implements BackendMessage {
    public AuthenticationSaslContinue {
        Objects.requireNonNull(data, "data");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticationSaslContinue s && Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "AuthenticationSaslContinue[" + data.length + " bytes]";
    }
}
