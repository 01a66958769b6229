package org.modgres.shmem.impl.codec;

import org.modgres.api.role.DefaultAcl;
import org.modgres.api.role.PrivilegeTarget;

/**
 * The binary form of a default access control list: its OID, role OID, schema OID (0 for all),
 * the {@link PrivilegeTarget} ordinal, the number of items, then the items as
 * {@link RelationPrivilegesCodec} writes them.
 */
public final class DefaultAclCodec {

    private DefaultAclCodec() {
    }

    public static void write(ByteOutput out, DefaultAcl entry) {
        out.writeVarLong(entry.oid());
        out.writeVarLong(entry.role());
        out.writeVarLong(entry.namespace());
        out.writeVarLong(entry.target().ordinal());
        out.writeVarLong(entry.acl().size());
        RelationPrivilegesCodec.writeItems(out, entry.acl());
    }

    public static DefaultAcl read(ByteInput in) {
        long oid = in.readVarLong();
        long role = in.readVarLong();
        long namespace = in.readVarLong();
        PrivilegeTarget target = PrivilegeTarget.values()[(int) in.readVarLong()];
        return new DefaultAcl(oid, role, namespace, target, RelationPrivilegesCodec.readItems(in, in.readVarLong()));
    }
}
