package org.modgres.api.role;

import java.util.List;
import java.util.Objects;

/**
 * The privileges a role's new objects of one kind get, as {@code pg_default_acl} holds them
 * (ALTER DEFAULT PRIVILEGES).
 *
 * @param oid       the entry's OID, given by the catalog when the entry is first set
 * @param role      the OID of the role whose new objects get them (defaclrole)
 * @param namespace the OID of the schema they apply in, or {@link #ALL_SCHEMAS} (defaclnamespace)
 * @param target    the kind of object: {@link PrivilegeTarget#TABLE} (tables and views),
 *                  {@link PrivilegeTarget#SEQUENCE}, {@link PrivilegeTarget#FUNCTION},
 *                  {@link PrivilegeTarget#TYPE} or {@link PrivilegeTarget#SCHEMA} (only for all schemas)
 * @param acl       the list: for all schemas it replaces the one the owner's objects have by
 *                  default; for one schema it is added to that
 */
public record DefaultAcl(long oid, long role, long namespace, PrivilegeTarget target, List<AclItem> acl) {

    /** The namespace of an entry that applies in every schema. */
    public static final long ALL_SCHEMAS = 0;

    public DefaultAcl {
        Objects.requireNonNull(target, "target");
        acl = List.copyOf(acl);
    }

    /** Returns whether this entry has the same role, namespace and kind as another. */
    public boolean sameKey(long otherRole, long otherNamespace, PrivilegeTarget otherTarget) {
        return role == otherRole && namespace == otherNamespace && target == otherTarget;
    }

    /** Returns this entry with another OID. */
    public DefaultAcl withOid(long newOid) {
        return new DefaultAcl(newOid, role, namespace, target, acl);
    }
}
