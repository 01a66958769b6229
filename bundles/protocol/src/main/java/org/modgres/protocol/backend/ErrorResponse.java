package org.modgres.protocol.backend;

import java.util.Objects;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;

/** Reports an error; after it the server sends ReadyForQuery, or closes the connection if FATAL. */
public record ErrorResponse(Severity severity, String code, String message, String detail, String hint, int position,
                            String context)
        implements BackendMessage, ErrorFields {
    public ErrorResponse {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** An error without a context line. */
    public ErrorResponse(Severity severity, String code, String message, String detail, String hint, int position) {
        this(severity, code, message, detail, hint, position, null);
    }

    /** Returns the response reporting an exception, with its severity, SQLSTATE, detail, hint, position and context. */
    public static ErrorResponse of(PgException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return new ErrorResponse(e.severity(), e.sqlState().code(), message, e.detail(), e.hint(), e.position(),
                e.context());
    }
}
