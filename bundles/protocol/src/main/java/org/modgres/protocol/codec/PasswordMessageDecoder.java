package org.modgres.protocol.codec;

import org.modgres.protocol.frontend.PasswordMessage;

/** PasswordMessage and the SASL/GSS responses that share its type byte: the body, raw. */
final class PasswordMessageDecoder implements BodyDecoder {
    @Override
    public PasswordMessage decode(MessageBody body) {
        return new PasswordMessage(body.readRemaining());
    }
}
