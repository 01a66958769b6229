package org.modgres.protocol.codec;

import org.modgres.protocol.frontend.Execute;

/** Execute: String portal, Int32 max rows. */
final class ExecuteDecoder implements BodyDecoder {
    @Override
    public Execute decode(MessageBody body) {
        String portal = body.readCString();
        int maxRows = body.readInt32();
        body.requireEnd();
        return new Execute(portal, maxRows);
    }
}
