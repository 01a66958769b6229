package org.modgres.protocol.frontend;

/** A message the client sends, decoded. Records only carry data; the session decides what they do. */
public sealed interface FrontendMessage
        permits StartupPacket, Query, Parse, Bind, Describe, Execute, Close, Sync, Flush, Terminate,
                PasswordMessage, SaslInitialResponse, CopyData, CopyDone, CopyFail, FunctionCall {
}
