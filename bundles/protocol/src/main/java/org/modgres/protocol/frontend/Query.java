package org.modgres.protocol.frontend;

import java.util.Objects;

/** A simple-protocol query: one or more statements separated by semicolons. */
public record Query(String sql) implements FrontendMessage {
    public Query {
        Objects.requireNonNull(sql, "sql");
    }
}
