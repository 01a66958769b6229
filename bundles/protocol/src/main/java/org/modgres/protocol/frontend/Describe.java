package org.modgres.protocol.frontend;

import java.util.Objects;

/** Asks for the description of a prepared statement ({@code kind} 'S') or a portal ('P'). */
public record Describe(char kind, String name) implements FrontendMessage {
    public static final char STATEMENT = 'S';
    public static final char PORTAL = 'P';

    public Describe {
        Objects.requireNonNull(name, "name");
    }
}
