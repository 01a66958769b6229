package org.modgres.protocol.frontend;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The body of a 'p' message, raw: a cleartext or MD5 password (NUL-terminated), or a SASL or GSS
 * response. Only the session knows which one it asked for; see {@link #password()} and
 * {@code SaslInitialResponseDecoder}.
 */
public record PasswordMessage(byte[] data) implements FrontendMessage {
    public PasswordMessage {
        Objects.requireNonNull(data, "data");
    }

    /** Returns the body as a password string, without its NUL terminator. */
    public String password() {
        int end = 0;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return new String(data, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordMessage p && Arrays.equals(data, p.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    /** Never shows the content. */
    @Override
    public String toString() {
        return "PasswordMessage[" + data.length + " bytes]";
    }
}
