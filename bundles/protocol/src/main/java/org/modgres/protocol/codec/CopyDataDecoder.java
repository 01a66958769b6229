package org.modgres.protocol.codec;

import org.modgres.protocol.frontend.CopyData;

/** CopyData: the body, raw. */
final class CopyDataDecoder implements BodyDecoder {
    @Override
    public CopyData decode(MessageBody body) {
        return new CopyData(body.readRemaining());
    }
}
