package org.modgres.protocol.frontend;

import java.util.Objects;

/** Aborts a COPY FROM STDIN with the client's reason. */
public record CopyFail(String message) implements FrontendMessage {
    public CopyFail {
        Objects.requireNonNull(message, "message");
    }
}
