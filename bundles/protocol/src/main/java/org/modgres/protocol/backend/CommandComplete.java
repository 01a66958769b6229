package org.modgres.protocol.backend;

import java.util.Objects;

/** Ends a statement with its command tag, e.g. {@code SELECT 1}, {@code INSERT 0 1}, {@code BEGIN}. */
public record CommandComplete(String tag) implements BackendMessage {
    public CommandComplete {
        Objects.requireNonNull(tag, "tag");
    }
}
