package org.modgres.protocol.backend;

/** A message the server sends; {@code MessageWriter} encodes it. */
public sealed interface BackendMessage
        permits AuthenticationOk, AuthenticationCleartextPassword, AuthenticationMD5Password, AuthenticationSasl,
                AuthenticationSaslContinue, AuthenticationSaslFinal, ParameterStatus, BackendKeyData,
                NegotiateProtocolVersion, ReadyForQuery, RowDescription, DataRow, CommandComplete,
                EmptyQueryResponse, ErrorResponse, NoticeResponse, ParseComplete, BindComplete, CloseComplete,
                NoData, PortalSuspended, ParameterDescription, CopyInResponse, CopyOutResponse, CopyData,
                CopyDone {
}
