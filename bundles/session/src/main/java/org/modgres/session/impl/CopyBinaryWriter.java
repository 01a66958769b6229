package org.modgres.session.impl;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.modgres.api.type.BinaryFormat;
import org.modgres.api.type.PgType;

/**
 * Writes rows for COPY TO STDOUT in PostgreSQL's binary format, each value as its type's send
 * function has it. As PostgreSQL does, the header goes out in the same CopyData message as the
 * first row (or as the trailer, when there is none), so that the messages are the same too.
 */
final class CopyBinaryWriter {

    private final List<PgType> types;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private boolean headerWritten;

    CopyBinaryWriter(List<PgType> types) {
        this.types = types;
    }

    /** Returns one row's bytes (after the header, for the first). */
    byte[] row(Object[] values) {
        startMessage();
        writeShort(types.size());
        for (int i = 0; i < types.size(); i++) {
            byte[] value = BinaryFormat.encode(types.get(i), values[i]);
            if (value == null) {
                writeInt(-1);
            } else {
                writeInt(value.length);
                out.writeBytes(value);
            }
        }
        return out.toByteArray();
    }

    /** Returns the trailer's bytes (after the header, when no row came). */
    byte[] trailer() {
        startMessage();
        writeShort(-1);
        return out.toByteArray();
    }

    private void startMessage() {
        out.reset();
        if (!headerWritten) {
            headerWritten = true;
            out.writeBytes(CopyBinaryReader.SIGNATURE);
            // no flags, no header extension
            writeInt(0);
            writeInt(0);
        }
    }

    private void writeShort(int value) {
        out.write(value >>> 8);
        out.write(value);
    }

    private void writeInt(int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
