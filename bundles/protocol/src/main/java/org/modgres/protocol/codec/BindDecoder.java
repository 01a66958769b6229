package org.modgres.protocol.codec;

import org.modgres.protocol.frontend.Bind;

/**
 * Bind: String portal, String statement, Int16 n + Int16 format x n, Int16 m + (Int32 length,
 * bytes) x m with length -1 for NULL, Int16 k + Int16 result format x k.
 */
final class BindDecoder implements BodyDecoder {
    @Override
    public Bind decode(MessageBody body) {
        String portal = body.readCString();
        String statement = body.readCString();
        short[] parameterFormats = readFormats(body);
        int count = body.readUnsignedInt16();
        body.requireItems(count, Integer.BYTES);
        byte[][] values = new byte[count][];
        for (int i = 0; i < count; i++) {
            values[i] = body.readNullableBytes();
        }
        short[] resultFormats = readFormats(body);
        body.requireEnd();
        if (parameterFormats.length > 1 && parameterFormats.length != count) {
            throw body.malformed("bind message has " + parameterFormats.length + " parameter formats but "
                    + count + " parameters");
        }
        return new Bind(portal, statement, parameterFormats, values, resultFormats);
    }

    static short[] readFormats(MessageBody body) {
        int count = body.readUnsignedInt16();
        body.requireItems(count, Short.BYTES);
        short[] formats = new short[count];
        for (int i = 0; i < count; i++) {
            formats[i] = body.readInt16();
        }
        return formats;
    }
}
