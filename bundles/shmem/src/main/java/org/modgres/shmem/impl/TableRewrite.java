package org.modgres.shmem.impl;

import java.util.List;

import org.modgres.api.storage.TableInfo;
import org.modgres.shmem.impl.codec.ByteInput;
import org.modgres.shmem.impl.codec.ByteOutput;
import org.modgres.shmem.impl.codec.CorruptDataException;
import org.modgres.shmem.impl.codec.RowCodec;

/**
 * How each row of a table changes when a column is added (it gets {@code value}, the same for
 * every row) or dropped (its value is cut out): applied to the live rows, and again from the log
 * by recovery.
 */
record TableRewrite(int kind, int position, Object value) {

    static final int ADD_COLUMN = 1;
    static final int DROP_COLUMN = 2;

    static TableRewrite addColumn(int position, Object value) {
        return new TableRewrite(ADD_COLUMN, position, value);
    }

    static TableRewrite dropColumn(int position) {
        return new TableRewrite(DROP_COLUMN, position, null);
    }

    Object[] apply(Object[] row) {
        Object[] changed;
        if (kind == ADD_COLUMN) {
            changed = new Object[row.length + 1];
            System.arraycopy(row, 0, changed, 0, position);
            changed[position] = value;
            System.arraycopy(row, position, changed, position + 1, row.length - position);
        } else {
            changed = new Object[row.length - 1];
            System.arraycopy(row, 0, changed, 0, position);
            System.arraycopy(row, position + 1, changed, position, row.length - position - 1);
        }
        return changed;
    }

    /** @param info the table after the rewrite */
    void write(ByteOutput out, TableInfo info) {
        out.writeByte(kind);
        out.writeVarLong(position);
        if (kind == ADD_COLUMN) {
            new RowCodec(List.of(info.columns().get(position))).write(out, new Object[] {value});
        }
    }

    /** @param info the table after the rewrite */
    static TableRewrite read(ByteInput in, TableInfo info) {
        int kind = in.readByte();
        int position = (int) in.readVarLong();
        return switch (kind) {
            case ADD_COLUMN -> addColumn(position,
                    new RowCodec(List.of(info.columns().get(position))).read(in)[0]);
            case DROP_COLUMN -> dropColumn(position);
            default -> throw new CorruptDataException("unknown table rewrite " + kind);
        };
    }
}
