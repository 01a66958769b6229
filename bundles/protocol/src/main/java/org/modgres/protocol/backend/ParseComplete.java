package org.modgres.protocol.backend;

/** Acknowledges Parse. */
public record ParseComplete() implements BackendMessage {
    public static final ParseComplete INSTANCE = new ParseComplete();
}
