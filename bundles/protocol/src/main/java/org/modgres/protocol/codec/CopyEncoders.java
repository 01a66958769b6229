package org.modgres.protocol.codec;

import org.modgres.protocol.backend.CopyData;

/** CopyInResponse, CopyOutResponse (Int8 format, Int16 n, Int16 column format x n) and CopyData. */
final class CopyEncoders {
    private CopyEncoders() {
    }

    static void copyResponse(int format, short[] columnFormats, OutputBuffer out) {
        out.writeByte(format);
        out.writeInt16(columnFormats.length);
        for (short columnFormat : columnFormats) {
            out.writeInt16(columnFormat);
        }
    }

    static void copyData(CopyData message, OutputBuffer out) {
        out.writeBytes(message.data());
    }
}
