package org.modgres.protocol;

import java.io.Serial;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;

/**
 * A message from the client that breaks the protocol. {@link Severity#FATAL} means the message
 * boundaries are lost (bad type byte, bad length, end of stream inside a message): send the
 * ErrorResponse and close the connection. {@link Severity#ERROR} means the frame was read whole but
 * its body is malformed: the connection can go on, skipping to the next Sync in extended mode, as
 * PostgreSQL does.
 */
public final class PgProtocolException extends PgException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final MessageType messageType;

    private PgProtocolException(SqlState sqlState, Severity severity, String message, MessageType messageType) {
        super(sqlState, severity, message, null, null, 0, null);
        this.messageType = messageType;
    }

    /** Returns a FATAL protocol violation (08P01): the connection cannot continue. */
    public static PgProtocolException fatal(String message) {
        return new PgProtocolException(SqlState.PROTOCOL_VIOLATION, Severity.FATAL, message, null);
    }

    /** Returns a FATAL error with another SQLSTATE, e.g. 54000 for a message over the size limit. */
    public static PgProtocolException fatal(SqlState sqlState, String message) {
        return new PgProtocolException(sqlState, Severity.FATAL, message, null);
    }

    /**
     * Returns a protocol violation (08P01) in the body of a message that was framed correctly. The
     * type tells the session whether it was an extended-query message, after which it must skip
     * input until Sync.
     */
    public static PgProtocolException malformed(MessageType messageType, String message) {
        return new PgProtocolException(SqlState.PROTOCOL_VIOLATION, Severity.ERROR, message, messageType);
    }

    /** Returns the type of the malformed message, or {@code null} for framing and startup errors. */
    public MessageType messageType() {
        return messageType;
    }

    /** Returns true when the connection must be closed after reporting this error. */
    public boolean isFatal() {
        return severity() == Severity.FATAL;
    }
}
