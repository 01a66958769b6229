package org.modgres.shmem.impl.codec;

import java.util.List;

import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.type.PgType;

/**
 * The binary form of a row of a table: a bitmap of its nulls (one bit a column), then each non-null
 * value in column order in its {@link ValueCodec} form.
 */
public final class RowCodec {

    private final PgType[] types;

    public RowCodec(List<ColumnInfo> columns) {
        types = new PgType[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.get(i).type().type();
        }
    }

    /** Writes a row whose values are in their canonical classes. */
    public void write(ByteOutput out, Object[] row) {
        if (row.length != types.length) {
            throw new IllegalArgumentException("row has " + row.length + " values for " + types.length + " columns");
        }
        for (int start = 0; start < types.length; start += 8) {
            int bits = 0;
            for (int i = start; i < Math.min(start + 8, types.length); i++) {
                if (row[i] == null) {
                    bits |= 1 << (i - start);
                }
            }
            out.writeByte(bits);
        }
        for (int i = 0; i < types.length; i++) {
            if (row[i] != null) {
                ValueCodec.write(out, types[i], row[i]);
            }
        }
    }

    public Object[] read(ByteInput in) {
        Object[] row = new Object[types.length];
        byte[] nulls = in.readBytes((types.length + 7) / 8);
        for (int i = 0; i < types.length; i++) {
            if ((nulls[i >> 3] & (1 << (i & 7))) == 0) {
                row[i] = ValueCodec.read(in, types[i]);
            }
        }
        return row;
    }
}
