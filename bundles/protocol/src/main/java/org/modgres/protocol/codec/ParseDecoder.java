package org.modgres.protocol.codec;

import org.modgres.protocol.frontend.Parse;

/** Parse: String name, String sql, Int16 n, Int32 type OID x n. */
final class ParseDecoder implements BodyDecoder {
    @Override
    public Parse decode(MessageBody body) {
        String name = body.readCString();
        String sql = body.readCString();
        int count = body.readUnsignedInt16();
        body.requireItems(count, Integer.BYTES);
        int[] oids = new int[count];
        for (int i = 0; i < count; i++) {
            oids[i] = body.readInt32();
        }
        body.requireEnd();
        return new Parse(name, sql, oids);
    }
}
