package org.modgres.protocol.frontend;

/** Asks the server to send what it has buffered, without ending the extended-query cycle. */
public record Flush() implements FrontendMessage {
    public static final Flush INSTANCE = new Flush();
}
