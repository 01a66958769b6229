package org.modgres.protocol.backend;

import java.util.List;

/**
 * Answers a StartupMessage asking for a newer minor version than the server speaks, or for
 * {@code _pq_.} options it does not know; the session continues with the versions given here.
 */
public record NegotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions)
        implements BackendMessage {
    public NegotiateProtocolVersion {
        unrecognizedOptions = List.copyOf(unrecognizedOptions);
    }
}
