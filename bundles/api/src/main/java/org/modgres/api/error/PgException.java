package org.modgres.api.error;

import java.io.Serial;
import java.util.Objects;

/**
 * An error that reaches the client as an ErrorResponse. Every failure a client can cause is
 * reported with one of these; anything else that escapes becomes {@link SqlState#INTERNAL_ERROR}.
 */
public class PgException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final SqlState sqlState;
    private final Severity severity;
    private final String detail;
    private final String hint;
    private final int position;
    private final String context;

    public PgException(SqlState sqlState, String message) {
        this(sqlState, Severity.ERROR, message, null, null, 0, null);
    }

    public PgException(SqlState sqlState, String message, Throwable cause) {
        this(sqlState, Severity.ERROR, message, null, null, 0, cause);
    }

    /**
     * @param position 1-based character position in the statement text the error refers to,
     *                 or 0 when there is none
     */
    public PgException(SqlState sqlState, Severity severity, String message, String detail, String hint,
                       int position, Throwable cause) {
        this(sqlState, severity, message, detail, hint, position, null, cause);
    }

    private PgException(SqlState sqlState, Severity severity, String message, String detail, String hint,
                        int position, String context, Throwable cause) {
        super(message, cause);
        this.sqlState = Objects.requireNonNull(sqlState);
        this.severity = Objects.requireNonNull(severity);
        this.detail = detail;
        this.hint = hint;
        this.position = position;
        this.context = context;
    }

    public SqlState sqlState() {
        return sqlState;
    }

    public Severity severity() {
        return severity;
    }

    public String detail() {
        return detail;
    }

    public String hint() {
        return hint;
    }

    public int position() {
        return position;
    }

    /** Where the error happened, as PostgreSQL's CONTEXT line says it (e.g. {@code COPY t, line 2}); null when nothing says. */
    public String context() {
        return context;
    }

    /** Returns a copy of this error that points at a position in the statement text. */
    public PgException withPosition(int newPosition) {
        return new PgException(sqlState, severity, getMessage(), detail, hint, newPosition, context, getCause());
    }

    /** Returns a copy of this error with a detail line. */
    public PgException withDetail(String newDetail) {
        return new PgException(sqlState, severity, getMessage(), newDetail, hint, position, context, getCause());
    }

    /** Returns a copy of this error with a hint line. */
    public PgException withHint(String newHint) {
        return new PgException(sqlState, severity, getMessage(), detail, newHint, position, context, getCause());
    }

    /** Returns a copy of this error with a context line. */
    public PgException withContext(String newContext) {
        return new PgException(sqlState, severity, getMessage(), detail, hint, position, newContext, getCause());
    }
}
