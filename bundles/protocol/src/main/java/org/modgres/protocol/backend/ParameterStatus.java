package org.modgres.protocol.backend;

import java.util.Objects;

/** Reports the value of a run-time parameter the client tracks (server_version, TimeZone, ...). */
public record ParameterStatus(String name, String value) implements BackendMessage {
    public ParameterStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
