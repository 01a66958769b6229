package org.modgres.protocol.frontend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.SequencedMap;

/**
 * Opens a session: the protocol version (major in the high 16 bits) and the run-time parameters
 * in the order the client sent them ({@code user}, {@code database}, {@code options}, GUCs, and
 * {@code _pq_.} protocol options).
 */
public record StartupMessage(int protocolVersion, SequencedMap<String, String> parameters) implements StartupPacket {
    /** Protocol 3.0. */
    public static final int PROTOCOL_3_0 = 3 << 16;

    public StartupMessage {
        parameters = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(Objects.requireNonNull(parameters)));
    }

    public int majorVersion() {
        return protocolVersion >>> 16;
    }

    public int minorVersion() {
        return protocolVersion & 0xffff;
    }

    /** Returns the {@code user} parameter, or {@code null} when the client sent none. */
    public String user() {
        return parameters.get("user");
    }

    /** Returns the {@code database} parameter, which defaults to the user name as in PostgreSQL. */
    public String database() {
        String database = parameters.get("database");
        return database == null || database.isEmpty() ? user() : database;
    }
}
