package org.modgres.protocol.codec;

import org.modgres.protocol.backend.ErrorFields;

/**
 * ErrorResponse and NoticeResponse: (Byte1 field code, String value) pairs ended by a zero byte,
 * in PostgreSQL's order. 'S' is the localized severity and 'V' the untranslated one; Modgres
 * speaks English only, so both carry the same word.
 */
final class ErrorFieldsEncoder {
    private ErrorFieldsEncoder() {
    }

    static void encode(ErrorFields fields, OutputBuffer out) {
        String severity = fields.severity().name();
        field(out, 'S', severity);
        field(out, 'V', severity);
        field(out, 'C', fields.code());
        field(out, 'M', fields.message());
        if (fields.detail() != null) {
            field(out, 'D', fields.detail());
        }
        if (fields.hint() != null) {
            field(out, 'H', fields.hint());
        }
        if (fields.position() > 0) {
            field(out, 'P', Integer.toString(fields.position()));
        }
        if (fields.context() != null) {
            field(out, 'W', fields.context());
        }
        out.writeByte(0);
    }

    private static void field(OutputBuffer out, char code, String value) {
        out.writeByte(code);
        out.writeCString(value);
    }
}
