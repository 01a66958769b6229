package org.modgres.protocol.codec;

import org.modgres.protocol.MessageType;
import org.modgres.protocol.frontend.PasswordMessage;
import org.modgres.protocol.frontend.SaslInitialResponse;

/**
 * Reads a {@link PasswordMessage} as SASLInitialResponse (String mechanism, Int32 length or -1,
 * bytes). The session calls it after sending AuthenticationSASL; later SASL responses are the raw
 * {@link PasswordMessage#data()}.
 */
public final class SaslInitialResponseDecoder {
    private SaslInitialResponseDecoder() {
    }

    /** @throws org.modgres.protocol.PgProtocolException when the body is not a SASLInitialResponse */
    public static SaslInitialResponse decode(PasswordMessage message) {
        MessageBody body = new MessageBody(MessageType.PASSWORD_MESSAGE, message.data());
        String mechanism = body.readCString();
        byte[] data = body.readNullableBytes();
        body.requireEnd();
        return new SaslInitialResponse(mechanism, data);
    }
}
