package org.modgres.protocol.codec;

import org.modgres.protocol.frontend.FunctionCall;

/**
 * FunctionCall: Int32 function OID, Int16 n + Int16 format x n, Int16 m + (Int32 length, bytes) x m,
 * Int16 result format.
 */
final class FunctionCallDecoder implements BodyDecoder {
    @Override
    public FunctionCall decode(MessageBody body) {
        int functionOid = body.readInt32();
        short[] formats = BindDecoder.readFormats(body);
        int count = body.readUnsignedInt16();
        body.requireItems(count, Integer.BYTES);
        byte[][] arguments = new byte[count][];
        for (int i = 0; i < count; i++) {
            arguments[i] = body.readNullableBytes();
        }
        short resultFormat = body.readInt16();
        body.requireEnd();
        return new FunctionCall(functionOid, formats, arguments, resultFormat);
    }
}
