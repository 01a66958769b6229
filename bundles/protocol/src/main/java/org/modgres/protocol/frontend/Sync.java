package org.modgres.protocol.frontend;

/** Ends an extended-query cycle: the server commits an implicit transaction, stops skipping input after an error, and sends ReadyForQuery. */
public record Sync() implements FrontendMessage {
    public static final Sync INSTANCE = new Sync();
}
