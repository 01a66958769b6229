package org.modgres.protocol.backend;

import java.util.List;

/** Starts SASL authentication, listing the mechanisms the server accepts, e.g. SCRAM-SHA-256. */
public record AuthenticationSasl(List<String> mechanisms) implements BackendMessage {
    public AuthenticationSasl {
        mechanisms = List.copyOf(mechanisms);
    }
}
