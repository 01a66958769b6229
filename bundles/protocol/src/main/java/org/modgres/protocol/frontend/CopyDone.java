package org.modgres.protocol.frontend;

/** Ends the data of a COPY FROM STDIN. */
public record CopyDone() implements FrontendMessage {
    public static final CopyDone INSTANCE = new CopyDone();
}
