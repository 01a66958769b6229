package org.modgres.protocol.backend;

/**
 * Tells the client the server waits for a new query, with the transaction status: 'I' idle,
 * 'T' in a transaction block, 'E' in a failed transaction block.
 */
public record ReadyForQuery(char status) implements BackendMessage {
    public static final ReadyForQuery IDLE = new ReadyForQuery('I');
    public static final ReadyForQuery IN_TRANSACTION = new ReadyForQuery('T');
    public static final ReadyForQuery FAILED_TRANSACTION = new ReadyForQuery('E');

    public ReadyForQuery {
        if (status != 'I' && status != 'T' && status != 'E') {
            throw new IllegalArgumentException("transaction status must be I, T or E, not " + status);
        }
    }
}
