package org.modgres.shmem.impl.codec;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modgres.api.role.AclItem;
import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.TablePrivilege;

/**
 * The binary form of a relation's owner and access control list: relation OID, owner OID, the
 * number of items plus one (0 for no list), then each item's grantee, grantor, and its
 * privileges and grant options as bit sets in {@link TablePrivilege} order; then the number of
 * columns with a list, and for each its name, the number of its items and the items; last, for
 * anything but a table, the {@link PrivilegeTarget} ordinal (records written before sequences and
 * schemas had lists end before it).
 */
public final class RelationPrivilegesCodec {

    private RelationPrivilegesCodec() {
    }

    public static void write(ByteOutput out, RelationPrivileges privileges) {
        out.writeVarLong(privileges.relation());
        out.writeVarLong(privileges.owner());
        List<AclItem> acl = privileges.acl();
        out.writeVarLong(acl == null ? 0 : acl.size() + 1L);
        if (acl != null) {
            writeItems(out, acl);
        }
        out.writeVarLong(privileges.columnAcls().size());
        for (Map.Entry<String, List<AclItem>> column : privileges.columnAcls().entrySet()) {
            out.writeString(column.getKey());
            out.writeVarLong(column.getValue().size());
            writeItems(out, column.getValue());
        }
        if (privileges.target() != PrivilegeTarget.TABLE) {
            out.writeVarLong(privileges.target().ordinal());
        }
    }

    /** Writes access control list items, as the default lists share them. */
    public static void writeItems(ByteOutput out, List<AclItem> items) {
        for (AclItem item : items) {
            out.writeVarLong(item.grantee());
            out.writeVarLong(item.grantor());
            out.writeVarLong(bits(item.privileges()));
            out.writeVarLong(bits(item.grantOptions()));
        }
    }

    /** Reads {@code count} items {@link #writeItems} wrote. */
    public static List<AclItem> readItems(ByteInput in, long count) {
        List<AclItem> items = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long grantee = in.readVarLong();
            long grantor = in.readVarLong();
            items.add(new AclItem(grantee, grantor, privileges(in.readVarLong()), privileges(in.readVarLong())));
        }
        return items;
    }

    public static RelationPrivileges read(ByteInput in) {
        long relation = in.readVarLong();
        long owner = in.readVarLong();
        long count = in.readVarLong();
        List<AclItem> acl = count > 0 ? readItems(in, count - 1) : null;
        Map<String, List<AclItem>> columnAcls = new LinkedHashMap<>();
        for (long columns = in.readVarLong(); columns > 0; columns--) {
            String column = in.readString();
            columnAcls.put(column, readItems(in, in.readVarLong()));
        }
        PrivilegeTarget target = in.remaining() > 0 ? PrivilegeTarget.values()[(int) in.readVarLong()]
                : PrivilegeTarget.TABLE;
        return new RelationPrivileges(relation, owner, acl, columnAcls, target);
    }

    private static long bits(Set<TablePrivilege> privileges) {
        long bits = 0;
        for (TablePrivilege privilege : privileges) {
            bits |= 1L << privilege.ordinal();
        }
        return bits;
    }

    private static Set<TablePrivilege> privileges(long bits) {
        Set<TablePrivilege> privileges = EnumSet.noneOf(TablePrivilege.class);
        for (TablePrivilege privilege : TablePrivilege.values()) {
            if ((bits & (1L << privilege.ordinal())) != 0) {
                privileges.add(privilege);
            }
        }
        return privileges;
    }
}
