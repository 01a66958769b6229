package org.modgres.protocol.frontend;

import java.util.Objects;

/** Closes a prepared statement ({@code kind} 'S') or a portal ('P'); closing a missing one is no error. */
public record Close(char kind, String name) implements FrontendMessage {
    public static final char STATEMENT = 'S';
    public static final char PORTAL = 'P';

    public Close {
        Objects.requireNonNull(name, "name");
    }
}
