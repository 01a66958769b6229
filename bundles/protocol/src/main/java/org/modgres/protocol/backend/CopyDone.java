package org.modgres.protocol.backend;

/** Ends the data of a COPY TO STDOUT. */
public record CopyDone() implements BackendMessage {
    public static final CopyDone INSTANCE = new CopyDone();
}
