package org.modgres.protocol.backend;

import org.modgres.api.error.Severity;

/**
 * The fields ErrorResponse and NoticeResponse share. {@code code} is the SQLSTATE; {@code detail}
 * and {@code hint} may be {@code null}; {@code position} is a 1-based character index into the
 * statement text, or 0 when there is none.
 */
public sealed interface ErrorFields permits ErrorResponse, NoticeResponse {
    Severity severity();

    String code();

    String message();

    String detail();

    String hint();

    int position();

    /** Where the error happened (the CONTEXT line), or {@code null}. */
    default String context() {
        return null;
    }
}
