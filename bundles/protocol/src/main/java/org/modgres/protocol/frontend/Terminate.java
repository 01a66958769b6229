package org.modgres.protocol.frontend;

/** Closes the connection normally. */
public record Terminate() implements FrontendMessage {
    public static final Terminate INSTANCE = new Terminate();
}
