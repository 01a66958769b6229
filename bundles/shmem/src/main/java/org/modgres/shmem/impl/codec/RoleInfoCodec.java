package org.modgres.shmem.impl.codec;

import java.time.Instant;

import org.modgres.api.role.RoleInfo;

/**
 * The binary form of a role: OID, name, the attribute flags in one byte, connection limit,
 * password (a flag, then the stored verifier), valid-until (a flag, then seconds and nanoseconds).
 */
public final class RoleInfoCodec {

    private static final int SUPERUSER = 1;
    private static final int INHERIT = 1 << 1;
    private static final int CREATE_ROLE = 1 << 2;
    private static final int CREATE_DB = 1 << 3;
    private static final int CAN_LOGIN = 1 << 4;
    private static final int REPLICATION = 1 << 5;
    private static final int BYPASS_RLS = 1 << 6;

    private RoleInfoCodec() {
    }

    public static void write(ByteOutput out, RoleInfo role) {
        out.writeVarLong(role.oid());
        out.writeString(role.name());
        int flags = (role.superuser() ? SUPERUSER : 0) | (role.inherit() ? INHERIT : 0)
                | (role.createRole() ? CREATE_ROLE : 0) | (role.createDb() ? CREATE_DB : 0)
                | (role.canLogin() ? CAN_LOGIN : 0) | (role.replication() ? REPLICATION : 0)
                | (role.bypassRls() ? BYPASS_RLS : 0);
        out.writeByte(flags);
        out.writeSignedVarLong(role.connectionLimit());
        out.writeByte(role.password() == null ? 0 : 1);
        if (role.password() != null) {
            out.writeString(role.password());
        }
        out.writeByte(role.validUntil() == null ? 0 : 1);
        if (role.validUntil() != null) {
            out.writeSignedVarLong(role.validUntil().getEpochSecond());
            out.writeVarLong(role.validUntil().getNano());
        }
    }

    public static RoleInfo read(ByteInput in) {
        long oid = in.readVarLong();
        String name = in.readString();
        int flags = in.readByte();
        int connectionLimit = (int) in.readSignedVarLong();
        String password = in.readByte() != 0 ? in.readString() : null;
        Instant validUntil = null;
        if (in.readByte() != 0) {
            long seconds = in.readSignedVarLong();
            validUntil = Instant.ofEpochSecond(seconds, in.readVarLong());
        }
        return new RoleInfo(oid, name, (flags & SUPERUSER) != 0, (flags & INHERIT) != 0,
                (flags & CREATE_ROLE) != 0, (flags & CREATE_DB) != 0, (flags & CAN_LOGIN) != 0,
                (flags & REPLICATION) != 0, (flags & BYPASS_RLS) != 0, connectionLimit, password, validUntil);
    }
}
