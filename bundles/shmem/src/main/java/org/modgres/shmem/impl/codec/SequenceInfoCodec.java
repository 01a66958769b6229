package org.modgres.shmem.impl.codec;

import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.SequenceOptions;
import org.modgres.api.storage.SequenceOwner;
import org.modgres.api.type.PgType;

/**
 * The binary form of a sequence's definition: OID, schema, name, type OID, start, increment,
 * minimum, maximum, cache, cycle, then the owner (a flag, schema, table, column).
 */
public final class SequenceInfoCodec {

    private SequenceInfoCodec() {
    }

    public static void write(ByteOutput out, SequenceInfo info) {
        out.writeVarLong(info.oid());
        out.writeString(info.schema());
        out.writeString(info.name());
        SequenceOptions options = info.options();
        out.writeVarLong(options.type().oid());
        out.writeLong(options.start());
        out.writeLong(options.increment());
        out.writeLong(options.minValue());
        out.writeLong(options.maxValue());
        out.writeLong(options.cache());
        out.writeByte(options.cycle() ? 1 : 0);
        SequenceOwner owner = info.owner();
        out.writeByte(owner == null ? 0 : 1);
        if (owner != null) {
            out.writeString(owner.schema());
            out.writeString(owner.table());
            out.writeString(owner.column());
        }
    }

    public static SequenceInfo read(ByteInput in) {
        long oid = in.readVarLong();
        String schema = in.readString();
        String name = in.readString();
        int typeOid = (int) in.readVarLong();
        PgType type = PgType.byOid(typeOid);
        if (type == null) {
            throw new CorruptDataException("unknown type OID " + typeOid + " of sequence \"" + name + "\"");
        }
        SequenceOptions options = new SequenceOptions(type, in.readLong(), in.readLong(), in.readLong(),
                in.readLong(), in.readLong(), in.readByte() != 0);
        SequenceOwner owner = in.readByte() == 0 ? null
                : new SequenceOwner(in.readString(), in.readString(), in.readString());
        return new SequenceInfo(oid, schema, name, options, owner);
    }
}
