package org.modgres.protocol.codec;

import org.modgres.protocol.frontend.CopyFail;

/** CopyFail: String reason. */
final class CopyFailDecoder implements BodyDecoder {
    @Override
    public CopyFail decode(MessageBody body) {
        String message = body.readCString();
        body.requireEnd();
        return new CopyFail(message);
    }
}
