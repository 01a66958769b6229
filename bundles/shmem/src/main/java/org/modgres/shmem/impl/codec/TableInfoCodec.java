package org.modgres.shmem.impl.codec;

import java.util.ArrayList;
import java.util.List;

import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/**
 * The binary form of a table's definition: OID, schema, name, columns (name, type OID, typmod, NOT NULL), key,
 * then each column's default and identity (absent in definitions written before they existed).
 */
public final class TableInfoCodec {

    private TableInfoCodec() {
    }

    public static void write(ByteOutput out, TableInfo info) {
        out.writeVarLong(info.oid());
        out.writeString(info.schema());
        out.writeString(info.name());
        out.writeVarLong(info.columns().size());
        for (ColumnInfo column : info.columns()) {
            out.writeString(column.name());
            out.writeVarLong(column.type().type().oid());
            out.writeSignedVarLong(column.type().typmod());
            out.writeByte(column.notNull() ? 1 : 0);
        }
        out.writeVarLong(info.primaryKey().size());
        for (int position : info.primaryKey()) {
            out.writeVarLong(position);
        }
        // defaults and identities come last, so that a definition written before they existed still reads
        out.writeVarLong(info.columns().size());
        for (ColumnInfo column : info.columns()) {
            int identity = column.identity() == null ? 0 : column.identity().ordinal() + 1;
            out.writeByte((column.defaultExpression() == null ? 0 : 1) | identity << 1);
            if (column.defaultExpression() != null) {
                out.writeString(column.defaultExpression());
            }
        }
    }

    public static TableInfo read(ByteInput in) {
        long oid = in.readVarLong();
        String schema = in.readString();
        String name = in.readString();
        int columnCount = in.readLength();
        List<ColumnInfo> columns = new ArrayList<>(columnCount);
        for (int i = 0; i < columnCount; i++) {
            String columnName = in.readString();
            int typeOid = (int) in.readVarLong();
            PgType type = PgType.byOid(typeOid);
            if (type == null) {
                throw new CorruptDataException("unknown type OID " + typeOid + " in column \"" + columnName + "\"");
            }
            int typmod = (int) in.readSignedVarLong();
            columns.add(new ColumnInfo(columnName, new ColumnType(type, typmod), in.readByte() != 0));
        }
        int keyLength = in.readLength();
        List<Integer> primaryKey = new ArrayList<>(keyLength);
        for (int i = 0; i < keyLength; i++) {
            primaryKey.add((int) in.readVarLong());
        }
        if (in.remaining() > 0) {
            int extras = in.readLength();
            if (extras != columnCount) {
                throw new CorruptDataException(extras + " column defaults for " + columnCount + " columns");
            }
            for (int i = 0; i < columnCount; i++) {
                int flags = in.readByte();
                String expression = (flags & 1) != 0 ? in.readString() : null;
                int identity = flags >> 1;
                if (identity > ColumnInfo.Identity.values().length) {
                    throw new CorruptDataException("unknown identity kind " + identity);
                }
                ColumnInfo column = columns.get(i);
                columns.set(i, new ColumnInfo(column.name(), column.type(), column.notNull(), expression,
                        identity == 0 ? null : ColumnInfo.Identity.values()[identity - 1]));
            }
        }
        return new TableInfo(oid, schema, name, columns, primaryKey);
    }
}
