package org.modgres.protocol.backend;

/** Acknowledges Bind. */
public record BindComplete() implements BackendMessage {
    public static final BindComplete INSTANCE = new BindComplete();
}
