package org.modgres.api.session;

import java.net.Socket;
import java.util.Map;
import java.util.Objects;

/**
 * A client connection after its StartupMessage.
 *
 * @param socket             the connected socket; the next bytes on it are the client's first
 *                           message after the startup packet
 * @param protocolVersion    the protocol version the client asked for (196608 for 3.0)
 * @param startupParameters  the StartupMessage's parameters in the client's order
 *                           ({@code user}, {@code database}, {@code application_name}, ...)
 */
public record ClientConnection(Socket socket, int protocolVersion, Map<String, String> startupParameters) {

    public ClientConnection {
        Objects.requireNonNull(socket, "socket");
        startupParameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(startupParameters));
    }
}
