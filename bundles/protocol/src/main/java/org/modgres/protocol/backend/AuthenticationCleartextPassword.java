package org.modgres.protocol.backend;

/** Asks the client for its password in clear text. */
public record AuthenticationCleartextPassword() implements BackendMessage {
    public static final AuthenticationCleartextPassword INSTANCE = new AuthenticationCleartextPassword();
}
