package org.modgres.protocol.backend;

/** Acknowledges Close, also when there was nothing to close. */
public record CloseComplete() implements BackendMessage {
    public static final CloseComplete INSTANCE = new CloseComplete();
}
