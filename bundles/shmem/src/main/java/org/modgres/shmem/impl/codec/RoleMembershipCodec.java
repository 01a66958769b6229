package org.modgres.shmem.impl.codec;

import org.modgres.api.role.RoleMembership;

/** The binary form of a membership: role OID, member OID, grantor OID, admin option (one byte). */
public final class RoleMembershipCodec {

    private RoleMembershipCodec() {
    }

    public static void write(ByteOutput out, RoleMembership membership) {
        out.writeVarLong(membership.role());
        out.writeVarLong(membership.member());
        out.writeVarLong(membership.grantor());
        out.writeByte(membership.adminOption() ? 1 : 0);
    }

    public static RoleMembership read(ByteInput in) {
        return new RoleMembership(in.readVarLong(), in.readVarLong(), in.readVarLong(), in.readByte() != 0);
    }
}
