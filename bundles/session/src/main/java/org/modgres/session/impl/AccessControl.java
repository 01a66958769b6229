package org.modgres.session.impl;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.RelationPrivileges;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleGraph;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableInfo;

/**
 * PostgreSQL's privilege checks on tables (aclchk.c) for one role: superusers pass every check;
 * others hold what the table's access control list grants them, PUBLIC, or the roles whose
 * privileges they have through membership (INHERIT), the owner everything until it is revoked; a
 * privilege granted on columns only covers statements that use those columns alone. A member
 * of the owning role counts as the owner. A role that no longer exists holds nothing.
 */
final class AccessControl {

    /** The privileges that may be granted on columns too. */
    static final Set<TablePrivilege> COLUMN_PRIVILEGES = EnumSet.of(TablePrivilege.SELECT, TablePrivilege.INSERT,
            TablePrivilege.UPDATE, TablePrivilege.REFERENCES);

    private final RoleCatalog roles;
    private final RoleInfo role;
    /** The role and those whose privileges it has; found when first needed, as superusers need none. */
    private Set<Long> privilegeRoles;

    AccessControl(RoleCatalog roles, String roleName) {
        this.roles = roles;
        this.role = roles.role(roleName).orElse(null);
    }

    /** Returns the catalog of roles the checks read. */
    RoleCatalog roles() {
        return roles;
    }

    /** Returns the role and the roles whose privileges it holds through membership (has_privs_of_role). */
    Set<Long> privilegeRoles() {
        if (privilegeRoles == null) {
            privilegeRoles = role == null ? Set.of() : RoleGraph.of(roles).privilegesOf(role.oid());
        }
        return privilegeRoles;
    }

    boolean superuser() {
        return role != null && role.superuser();
    }

    /** Returns the OID of the role checked; 0, which no role has, once it was dropped. */
    long roleOid() {
        return role == null ? 0 : role.oid();
    }

    boolean has(TableInfo table, TablePrivilege privilege) {
        return superuser() || roles.privileges(table.oid()).privilegesOf(privilegeRoles()).contains(privilege);
    }

    boolean owns(TableInfo table) {
        return superuser() || privilegeRoles().contains(roles.privileges(table.oid()).owner());
    }

    /** Throws 42501 unless the role holds the privilege on the table. */
    void require(TableInfo table, TablePrivilege privilege) {
        if (!has(table, privilege)) {
            throw denied(table);
        }
    }

    /**
     * Throws 42501 unless the role holds each privilege on the table, or on the columns it is
     * needed on: on every column when the use could not be narrowed, on any one when no column is
     * named (as {@code count(*)}), as PostgreSQL's ExecCheckRTEPerms decides.
     */
    void require(TableInfo table, Map<TablePrivilege, PlanPrivileges.Columns> needed) {
        if (superuser()) {
            return;
        }
        RelationPrivileges acl = roles.privileges(table.oid());
        Set<TablePrivilege> held = acl.privilegesOf(privilegeRoles());
        for (Map.Entry<TablePrivilege, PlanPrivileges.Columns> entry : needed.entrySet()) {
            if (!held.contains(entry.getKey()) && !columnsHold(acl, table, entry.getKey(), entry.getValue())) {
                throw denied(table);
            }
        }
    }

    private boolean columnsHold(RelationPrivileges acl, TableInfo table, TablePrivilege privilege,
                                PlanPrivileges.Columns columns) {
        if (!COLUMN_PRIVILEGES.contains(privilege) || acl.columnAcls().isEmpty()) {
            return false;
        }
        List<String> names = table.columns().stream().map(ColumnInfo::name).toList();
        Predicate<String> holds = name -> acl.columnPrivilegesOf(name, privilegeRoles()).contains(privilege);
        if (columns.all()) {
            return names.stream().allMatch(holds);
        }
        if (columns.used().isEmpty()) {
            return names.stream().anyMatch(holds);
        }
        return columns.used().stream().filter(i -> i < names.size()).map(names::get).allMatch(holds);
    }

    /** Throws 42501 unless the role owns the table (or is a superuser), as DROP and ALTER need. */
    void requireOwner(TableInfo table) {
        if (!owns(table)) {
            throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "must be owner of table " + table.name());
        }
    }

    static PgException denied(TableInfo table) {
        return new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for table " + table.name());
    }
}
