package org.modgres.protocol.codec;

import java.util.HashMap;
import java.util.Map;

import org.modgres.protocol.MessageType;
import org.modgres.protocol.backend.AuthenticationCleartextPassword;
import org.modgres.protocol.backend.AuthenticationMD5Password;
import org.modgres.protocol.backend.AuthenticationOk;
import org.modgres.protocol.backend.AuthenticationSasl;
import org.modgres.protocol.backend.AuthenticationSaslContinue;
import org.modgres.protocol.backend.AuthenticationSaslFinal;
import org.modgres.protocol.backend.BackendKeyData;
import org.modgres.protocol.backend.BackendMessage;
import org.modgres.protocol.backend.BindComplete;
import org.modgres.protocol.backend.CloseComplete;
import org.modgres.protocol.backend.CommandComplete;
import org.modgres.protocol.backend.CopyData;
import org.modgres.protocol.backend.CopyDone;
import org.modgres.protocol.backend.CopyInResponse;
import org.modgres.protocol.backend.CopyOutResponse;
import org.modgres.protocol.backend.DataRow;
import org.modgres.protocol.backend.EmptyQueryResponse;
import org.modgres.protocol.backend.ErrorResponse;
import org.modgres.protocol.backend.NegotiateProtocolVersion;
import org.modgres.protocol.backend.NoData;
import org.modgres.protocol.backend.NoticeResponse;
import org.modgres.protocol.backend.ParameterDescription;
import org.modgres.protocol.backend.ParameterStatus;
import org.modgres.protocol.backend.ParseComplete;
import org.modgres.protocol.backend.PortalSuspended;
import org.modgres.protocol.backend.ReadyForQuery;
import org.modgres.protocol.backend.RowDescription;

/** The table from backend record class to its type byte and body encoder. */
final class BackendEncoders {
    private static final Map<Class<?>, Entry<?>> BY_CLASS = new HashMap<>();
    /** The entries again, cached in the classes themselves: every message of every result asks. */
    private static final ClassValue<Entry<?>> ENTRIES = new ClassValue<>() {
        @Override
        protected Entry<?> computeValue(Class<?> type) {
            return BY_CLASS.get(type);
        }
    };

    static {
        register(AuthenticationOk.class, MessageType.AUTHENTICATION,
                (m, out) -> out.writeInt32(AuthenticationEncoders.OK));
        register(AuthenticationCleartextPassword.class, MessageType.AUTHENTICATION,
                (m, out) -> out.writeInt32(AuthenticationEncoders.CLEARTEXT_PASSWORD));
        register(AuthenticationMD5Password.class, MessageType.AUTHENTICATION, AuthenticationEncoders::md5);
        register(AuthenticationSasl.class, MessageType.AUTHENTICATION, AuthenticationEncoders::sasl);
        register(AuthenticationSaslContinue.class, MessageType.AUTHENTICATION, AuthenticationEncoders::saslContinue);
        register(AuthenticationSaslFinal.class, MessageType.AUTHENTICATION, AuthenticationEncoders::saslFinal);
        register(ParameterStatus.class, MessageType.PARAMETER_STATUS, SessionStatusEncoders::parameterStatus);
        register(BackendKeyData.class, MessageType.BACKEND_KEY_DATA, SessionStatusEncoders::backendKeyData);
        register(NegotiateProtocolVersion.class, MessageType.NEGOTIATE_PROTOCOL_VERSION,
                SessionStatusEncoders::negotiateProtocolVersion);
        register(ReadyForQuery.class, MessageType.READY_FOR_QUERY, SessionStatusEncoders::readyForQuery);
        register(RowDescription.class, MessageType.ROW_DESCRIPTION, ResultEncoders::rowDescription);
        register(DataRow.class, MessageType.DATA_ROW, ResultEncoders::dataRow);
        register(CommandComplete.class, MessageType.COMMAND_COMPLETE, ResultEncoders::commandComplete);
        register(ParameterDescription.class, MessageType.PARAMETER_DESCRIPTION, ResultEncoders::parameterDescription);
        register(ErrorResponse.class, MessageType.ERROR_RESPONSE, ErrorFieldsEncoder::encode);
        register(NoticeResponse.class, MessageType.NOTICE_RESPONSE, ErrorFieldsEncoder::encode);
        register(CopyInResponse.class, MessageType.COPY_IN_RESPONSE,
                (m, out) -> CopyEncoders.copyResponse(m.format(), m.columnFormats(), out));
        register(CopyOutResponse.class, MessageType.COPY_OUT_RESPONSE,
                (m, out) -> CopyEncoders.copyResponse(m.format(), m.columnFormats(), out));
        register(CopyData.class, MessageType.COPY_DATA, CopyEncoders::copyData);
        registerEmpty(CopyDone.class, MessageType.COPY_DONE);
        registerEmpty(EmptyQueryResponse.class, MessageType.EMPTY_QUERY_RESPONSE);
        registerEmpty(ParseComplete.class, MessageType.PARSE_COMPLETE);
        registerEmpty(BindComplete.class, MessageType.BIND_COMPLETE);
        registerEmpty(CloseComplete.class, MessageType.CLOSE_COMPLETE);
        registerEmpty(NoData.class, MessageType.NO_DATA);
        registerEmpty(PortalSuspended.class, MessageType.PORTAL_SUSPENDED);
    }

    private BackendEncoders() {
    }

    /** Appends one whole message: type byte, length word and body. */
    static void encode(BackendMessage message, OutputBuffer out) {
        Entry<?> entry = ENTRIES.get(message.getClass());
        if (entry == null) {
            throw new IllegalStateException("no encoder for " + message.getClass().getName());
        }
        entry.encode(message, out);
    }

    private static <M extends BackendMessage> void register(Class<M> type, MessageType messageType,
                                                            BodyEncoder<? super M> encoder) {
        BY_CLASS.put(type, new Entry<>(type, messageType, encoder));
    }

    private static <M extends BackendMessage> void registerEmpty(Class<M> type, MessageType messageType) {
        register(type, messageType, (m, out) -> { });
    }

    private record Entry<M extends BackendMessage>(Class<M> type, MessageType messageType,
                                                   BodyEncoder<? super M> encoder) {
        void encode(BackendMessage message, OutputBuffer out) {
            out.begin(messageType);
            try {
                encoder.encode(type.cast(message), out);
            } catch (RuntimeException e) {
                out.abandon();
                throw e;
            }
            out.end();
        }
    }
}
