package org.modgres.protocol.codec;

import org.modgres.protocol.frontend.Close;

/** Close: Byte1 'S' or 'P', String name. */
final class CloseDecoder implements BodyDecoder {
    @Override
    public Close decode(MessageBody body) {
        byte kind = body.readByte();
        String name = body.readCString();
        body.requireEnd();
        if (kind != Close.STATEMENT && kind != Close.PORTAL) {
            throw body.malformed("invalid CLOSE message subtype " + kind);
        }
        return new Close((char) kind, name);
    }
}
