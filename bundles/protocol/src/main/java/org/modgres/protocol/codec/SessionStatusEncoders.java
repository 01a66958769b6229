package org.modgres.protocol.codec;

import org.modgres.protocol.backend.BackendKeyData;
import org.modgres.protocol.backend.NegotiateProtocolVersion;
import org.modgres.protocol.backend.ParameterStatus;
import org.modgres.protocol.backend.ReadyForQuery;

/** The messages that report session state: ParameterStatus, BackendKeyData, ReadyForQuery, NegotiateProtocolVersion. */
final class SessionStatusEncoders {
    private SessionStatusEncoders() {
    }

    static void parameterStatus(ParameterStatus message, OutputBuffer out) {
        out.writeCString(message.name());
        out.writeCString(message.value());
    }

    static void backendKeyData(BackendKeyData message, OutputBuffer out) {
        out.writeInt32(message.processId());
        out.writeInt32(message.secretKey());
    }

    static void readyForQuery(ReadyForQuery message, OutputBuffer out) {
        out.writeByte(message.status());
    }

    static void negotiateProtocolVersion(NegotiateProtocolVersion message, OutputBuffer out) {
        out.writeInt32((3 << 16) | message.newestMinorVersion());
        out.writeInt32(message.unrecognizedOptions().size());
        for (String option : message.unrecognizedOptions()) {
            out.writeCString(option);
        }
    }
}
