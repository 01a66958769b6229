package org.modgres.api.role;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who owns a relation and what others were granted on it: {@code pg_class.relowner} and
 * {@code relacl}.
 *
 * @param relation the relation's OID
 * @param owner    the OID of the role that owns it
 * @param acl      its access control list; null while nothing was ever granted or revoked, which
 *                 means the owner has every privilege and nobody else any, as a null relacl does
 * @param columnAcls the access control lists of its columns that have one (pg_attribute.attacl),
 *                 by column name
 */
public record RelationPrivileges(long relation, long owner, List<AclItem> acl, Map<String, List<AclItem>> columnAcls) {

    public RelationPrivileges {
        acl = acl == null ? null : List.copyOf(acl);
        Map<String, List<AclItem>> columns = new TreeMap<>();
        columnAcls.forEach((column, items) -> {
            if (!items.isEmpty()) {
                columns.put(column, List.copyOf(items));
            }
        });
        columnAcls = Collections.unmodifiableMap(columns);
    }

    /** A relation without column privileges. */
    public RelationPrivileges(long relation, long owner, List<AclItem> acl) {
        this(relation, owner, acl, Map.of());
    }

    /** Returns the privileges of a relation nobody changed: owned by the bootstrap superuser. */
    public static RelationPrivileges ofBootstrap(long relation) {
        return new RelationPrivileges(relation, RoleCatalog.BOOTSTRAP_SUPERUSER_OID, null);
    }

    /** Returns the access control list in force: the default one, owner has all, when there is none. */
    public List<AclItem> effectiveAcl() {
        if (acl != null) {
            return acl;
        }
        return List.of(new AclItem(owner, owner, AclItem.all(), Set.of()));
    }

    /**
     * Returns the privileges a role holds: those granted to it and to PUBLIC. Superusers and
     * role membership are the caller's to consider.
     */
    public Set<TablePrivilege> privilegesOf(long role) {
        return privilegesOf(Set.of(role));
    }

    /**
     * Returns the privileges held by any of some roles (one and those whose privileges it has,
     * see {@link RoleGraph#privilegesOf}), and by PUBLIC.
     */
    public Set<TablePrivilege> privilegesOf(Set<Long> roles) {
        return held(effectiveAcl(), roles, false);
    }

    /** Returns the privileges a role may grant on: its grant options, and all of them for the owner. */
    public Set<TablePrivilege> grantOptionsOf(long role) {
        return grantOptionsOf(Set.of(role));
    }

    /** Returns the privileges any of some roles may grant on: all of them when one is the owner. */
    public Set<TablePrivilege> grantOptionsOf(Set<Long> roles) {
        if (roles.contains(owner)) {
            return EnumSet.copyOf(AclItem.all());
        }
        return held(effectiveAcl(), roles, true);
    }

    /** Returns the privileges a role holds on a column: granted on the column to it or to PUBLIC. */
    public Set<TablePrivilege> columnPrivilegesOf(String column, long role) {
        return columnPrivilegesOf(column, Set.of(role));
    }

    /** Returns the privileges any of some roles, or PUBLIC, holds on a column. */
    public Set<TablePrivilege> columnPrivilegesOf(String column, Set<Long> roles) {
        return held(columnAcls.getOrDefault(column, List.of()), roles, false);
    }

    private static Set<TablePrivilege> held(List<AclItem> items, Set<Long> roles, boolean grantOptions) {
        Set<TablePrivilege> held = EnumSet.noneOf(TablePrivilege.class);
        for (AclItem item : items) {
            if (item.grantee() == AclItem.PUBLIC || roles.contains(item.grantee())) {
                held.addAll(grantOptions ? item.grantOptions() : item.privileges());
            }
        }
        return held;
    }

    /** Returns these privileges with another access control list. */
    public RelationPrivileges withAcl(List<AclItem> newAcl) {
        return new RelationPrivileges(relation, owner, newAcl == null ? null : new ArrayList<>(newAcl), columnAcls);
    }

    /** Returns these privileges with other column access control lists. */
    public RelationPrivileges withColumnAcls(Map<String, List<AclItem>> newColumnAcls) {
        return new RelationPrivileges(relation, owner, acl, newColumnAcls);
    }
}
