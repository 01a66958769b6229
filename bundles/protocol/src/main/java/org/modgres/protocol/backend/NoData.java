package org.modgres.protocol.backend;

/** Answers Describe of a statement or portal that returns no rows. */
public record NoData() implements BackendMessage {
    public static final NoData INSTANCE = new NoData();
}
