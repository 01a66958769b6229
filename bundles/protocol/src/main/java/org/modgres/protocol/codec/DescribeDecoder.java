package org.modgres.protocol.codec;

import org.modgres.protocol.frontend.Describe;

/** Describe: Byte1 'S' or 'P', String name. */
final class DescribeDecoder implements BodyDecoder {
    @Override
    public Describe decode(MessageBody body) {
        byte kind = body.readByte();
        String name = body.readCString();
        body.requireEnd();
        if (kind != Describe.STATEMENT && kind != Describe.PORTAL) {
            throw body.malformed("invalid DESCRIBE message subtype " + kind);
        }
        return new Describe((char) kind, name);
    }
}
