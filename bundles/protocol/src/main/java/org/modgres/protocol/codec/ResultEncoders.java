package org.modgres.protocol.codec;

import org.modgres.protocol.backend.CommandComplete;
import org.modgres.protocol.backend.DataRow;
import org.modgres.protocol.backend.ParameterDescription;
import org.modgres.protocol.backend.RowDescription;

/** The messages of a statement's result: RowDescription, DataRow, CommandComplete, ParameterDescription. */
final class ResultEncoders {
    private ResultEncoders() {
    }

    static void rowDescription(RowDescription message, OutputBuffer out) {
        out.writeInt16(message.fields().size());
        for (RowDescription.Field field : message.fields()) {
            out.writeCString(field.name());
            out.writeInt32(field.tableOid());
            out.writeInt16(field.columnNumber());
            out.writeInt32(field.typeOid());
            out.writeInt16(field.typeSize());
            out.writeInt32(field.typeModifier());
            out.writeInt16(field.formatCode());
        }
    }

    /** Sizes the row first, so the values are copied once, straight into the buffer. */
    static void dataRow(DataRow message, OutputBuffer out) {
        byte[][] values = message.values();
        long size = Short.BYTES;
        for (byte[] value : values) {
            size += Integer.BYTES + (value == null ? 0 : value.length);
        }
        out.ensure(size);
        out.writeInt16(values.length);
        for (byte[] value : values) {
            if (value == null) {
                out.writeInt32(-1);
            } else {
                out.writeInt32(value.length);
                out.writeBytes(value);
            }
        }
    }

    static void commandComplete(CommandComplete message, OutputBuffer out) {
        out.writeCString(message.tag());
    }

    static void parameterDescription(ParameterDescription message, OutputBuffer out) {
        int[] oids = message.typeOids();
        out.writeInt16(oids.length);
        for (int oid : oids) {
            out.writeInt32(oid);
        }
    }
}
