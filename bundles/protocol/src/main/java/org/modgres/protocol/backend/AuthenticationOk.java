package org.modgres.protocol.backend;

/** Tells the client it is authenticated; ParameterStatus, BackendKeyData and ReadyForQuery follow. */
public record AuthenticationOk() implements BackendMessage {
    public static final AuthenticationOk INSTANCE = new AuthenticationOk();
}
