package org.modgres.shmem.impl.codec;

import java.util.ArrayList;
import java.util.List;

import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableIndex;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/**
 * The binary form of a table's definition: OID, schema, name, columns (name, type OID, typmod, NOT NULL), key,
 * then each column's default and identity, then the UNIQUE, CHECK and FOREIGN KEY constraints, then the
 * indexes of CREATE INDEX (each part absent in definitions written before it existed).
 */
public final class TableInfoCodec {

    private static final int UNIQUE = 1;
    private static final int CHECK = 2;
    private static final int FOREIGN_KEY = 3;

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
        out.writeVarLong(info.constraints().size());
        for (TableConstraint constraint : info.constraints()) {
            writeConstraint(out, constraint);
        }
        out.writeVarLong(info.indexes().size());
        for (TableIndex index : info.indexes()) {
            out.writeString(index.name());
            writePositions(out, index.columns());
            out.writeByte(index.unique() ? 1 : 0);
        }
    }

    private static void writeConstraint(ByteOutput out, TableConstraint constraint) {
        switch (constraint) {
            case TableConstraint.Unique unique -> {
                out.writeByte(UNIQUE);
                out.writeString(unique.name());
                writePositions(out, unique.columns());
            }
            case TableConstraint.Check check -> {
                out.writeByte(CHECK);
                out.writeString(check.name());
                out.writeString(check.expression());
            }
            case TableConstraint.ForeignKey key -> {
                out.writeByte(FOREIGN_KEY);
                out.writeString(key.name());
                writePositions(out, key.columns());
                out.writeString(key.referencedSchema());
                out.writeString(key.referencedTable());
                writePositions(out, key.referencedColumns());
                out.writeByte(key.onDelete().ordinal());
                out.writeByte(key.onUpdate().ordinal());
            }
        }
    }

    private static void writePositions(ByteOutput out, List<Integer> positions) {
        out.writeVarLong(positions.size());
        for (int position : positions) {
            out.writeVarLong(position);
        }
    }

    private static List<Integer> readPositions(ByteInput in) {
        int count = in.readLength();
        List<Integer> positions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            positions.add((int) in.readVarLong());
        }
        return positions;
    }

    private static TableConstraint readConstraint(ByteInput in) {
        int kind = in.readByte();
        String name = in.readString();
        return switch (kind) {
            case UNIQUE -> new TableConstraint.Unique(name, readPositions(in));
            case CHECK -> new TableConstraint.Check(name, in.readString());
            case FOREIGN_KEY -> new TableConstraint.ForeignKey(name, readPositions(in), in.readString(),
                    in.readString(), readPositions(in), action(in.readByte()), action(in.readByte()));
            default -> throw new CorruptDataException("unknown constraint kind " + kind + " of \"" + name + "\"");
        };
    }

    private static TableConstraint.Action action(int ordinal) {
        TableConstraint.Action[] actions = TableConstraint.Action.values();
        if (ordinal < 0 || ordinal >= actions.length) {
            throw new CorruptDataException("unknown referential action " + ordinal);
        }
        return actions[ordinal];
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
        List<Integer> primaryKey = readPositions(in);
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
        List<TableConstraint> constraints = new ArrayList<>();
        if (in.remaining() > 0) {
            int count = in.readLength();
            for (int i = 0; i < count; i++) {
                constraints.add(readConstraint(in));
            }
        }
        List<TableIndex> indexes = new ArrayList<>();
        if (in.remaining() > 0) {
            int count = in.readLength();
            for (int i = 0; i < count; i++) {
                indexes.add(new TableIndex(in.readString(), readPositions(in), in.readByte() != 0));
            }
        }
        return new TableInfo(oid, schema, name, columns, primaryKey, constraints, indexes);
    }
}
