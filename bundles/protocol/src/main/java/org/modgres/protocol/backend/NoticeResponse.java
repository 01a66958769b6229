package org.modgres.protocol.backend;

import java.util.Objects;

import org.modgres.api.error.Severity;

/** Reports a notice or warning; it may arrive at any time and changes nothing in the protocol flow. */
public record NoticeResponse(Severity severity, String code, String message, String detail, String hint, int position)
        implements BackendMessage, ErrorFields {
    public NoticeResponse {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
