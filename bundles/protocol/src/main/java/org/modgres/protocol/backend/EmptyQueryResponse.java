package org.modgres.protocol.backend;

/** Answers a query string that holds no statement, in place of CommandComplete. */
public record EmptyQueryResponse() implements BackendMessage {
    public static final EmptyQueryResponse INSTANCE = new EmptyQueryResponse();
}
