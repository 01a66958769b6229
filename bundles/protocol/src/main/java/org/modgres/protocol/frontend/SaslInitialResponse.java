package org.modgres.protocol.frontend;

import java.util.Arrays;
import java.util.Objects;

/**
 * The first SASL message: the mechanism the client chose and its initial response, or
 * {@code null} when it sent none (length -1). It arrives as a {@link PasswordMessage}; the session
 * reinterprets it with {@code SaslInitialResponseDecoder} once it has asked for SASL.
 */
public record SaslInitialResponse(String mechanism, byte[] data) implements FrontendMessage {
    public SaslInitialResponse {
        Objects.requireNonNull(mechanism, "mechanism");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SaslInitialResponse s && mechanism.equals(s.mechanism) && Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() {
        return 31 * mechanism.hashCode() + Arrays.hashCode(data);
    }

    /** Never shows the content. */
    @Override
    public String toString() {
        return "SaslInitialResponse[mechanism=" + mechanism + ", "
                + (data == null ? "no data" : data.length + " bytes") + "]";
    }
}
