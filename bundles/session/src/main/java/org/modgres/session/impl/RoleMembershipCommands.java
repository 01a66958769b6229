package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.List;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleGraph;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.RoleMembership;
import org.modgres.api.sql.RoleStatement;
import org.modgres.api.storage.Transaction;

/**
 * GRANT and REVOKE of role membership and CREATE ROLE's membership clauses, as PostgreSQL 15's
 * AddRoleMems and DelRoleMems run them: superusers, CREATEROLE roles and members WITH ADMIN
 * OPTION may change a role's members (only superusers those of a superuser role); a membership
 * that would make a loop, a role a member of itself included, is refused.
 */
final class RoleMembershipCommands {

    private final RoleCatalog roles;
    private final Wire wire;

    RoleMembershipCommands(RoleCatalog roles, Wire wire) {
        this.roles = roles;
        this.wire = wire;
    }

    /** GRANT or REVOKE roles: the members are looked up first, then each role in turn. */
    void run(Transaction transaction, RoleInfo current, boolean grant, List<String> roleNames,
             List<String> memberNames, boolean adminOption) {
        List<RoleInfo> members = new ArrayList<>();
        for (String name : memberNames) {
            members.add(existing(name));
        }
        for (String name : roleNames) {
            RoleInfo role = existing(name);
            if (grant) {
                add(transaction, current, role, members, adminOption);
            } else {
                remove(transaction, current, role, members, adminOption);
            }
        }
    }

    /** The IN ROLE, ADMIN and ROLE clauses of CREATE ROLE, in the order CreateRole applies them. */
    void create(Transaction transaction, RoleInfo current, RoleInfo created, RoleStatement.Membership membership) {
        for (String name : membership.inRoles()) {
            add(transaction, current, existing(name), List.of(created), false);
        }
        add(transaction, current, created, existing(membership.admins()), true);
        add(transaction, current, created, existing(membership.members()), false);
    }

    /** Ends every membership of a role being dropped, in other roles and of others in it. */
    void forget(Transaction transaction, RoleInfo dropped) {
        for (RoleMembership membership : roles.memberships()) {
            if (membership.role() == dropped.oid() || membership.member() == dropped.oid()) {
                roles.revokeMembership(transaction, membership.role(), membership.member());
            }
        }
    }

    private void add(Transaction transaction, RoleInfo current, RoleInfo role, List<RoleInfo> members,
                     boolean adminOption) {
        if (members.isEmpty()) {
            return;
        }
        checkMayChangeMembers(current, role);
        for (RoleInfo member : members) {
            // a superuser is a member of nothing here, else no superuser role could ever be granted
            if (RoleGraph.of(roles).isMember(role.oid(), member.oid())) {
                throw new PgException(SqlState.INVALID_GRANT_OPERATION,
                        "role \"" + role.name() + "\" is a member of role \"" + member.name() + "\"");
            }
            RoleMembership existing = find(role, member);
            if (existing != null && (!adminOption || existing.adminOption())) {
                wire.notice(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION,
                        "role \"" + member.name() + "\" is already a member of role \"" + role.name() + "\"");
                continue;
            }
            roles.grantMembership(transaction, new RoleMembership(role.oid(), member.oid(), current.oid(),
                    adminOption));
        }
    }

    private void remove(Transaction transaction, RoleInfo current, RoleInfo role, List<RoleInfo> members,
                        boolean adminOptionOnly) {
        checkMayChangeMembers(current, role);
        for (RoleInfo member : members) {
            RoleMembership existing = find(role, member);
            if (existing == null) {
                wire.notice(Severity.WARNING, SqlState.WARNING,
                        "role \"" + member.name() + "\" is not a member of role \"" + role.name() + "\"");
                continue;
            }
            if (adminOptionOnly) {
                roles.grantMembership(transaction, new RoleMembership(existing.role(), existing.member(),
                        existing.grantor(), false));
            } else {
                roles.revokeMembership(transaction, role.oid(), member.oid());
            }
        }
    }

    /** Throws 42501 unless the current role may change the members of the role. */
    private void checkMayChangeMembers(RoleInfo current, RoleInfo role) {
        if (role.superuser()) {
            if (!current.superuser()) {
                throw denied("must be superuser to alter superusers");
            }
            return;
        }
        if (!current.superuser() && !current.createRole() && !RoleGraph.of(roles).isAdmin(current.oid(), role.oid())) {
            throw denied("must have admin option on role \"" + role.name() + "\"");
        }
    }

    private RoleMembership find(RoleInfo role, RoleInfo member) {
        for (RoleMembership membership : roles.memberships()) {
            if (membership.role() == role.oid() && membership.member() == member.oid()) {
                return membership;
            }
        }
        return null;
    }

    private List<RoleInfo> existing(List<String> names) {
        List<RoleInfo> found = new ArrayList<>();
        for (String name : names) {
            found.add(existing(name));
        }
        return found;
    }

    private RoleInfo existing(String name) {
        return roles.role(name).orElseThrow(() -> new PgException(SqlState.UNDEFINED_OBJECT,
                "role \"" + name + "\" does not exist"));
    }

    private static PgException denied(String message) {
        return new PgException(SqlState.INSUFFICIENT_PRIVILEGE, message);
    }
}
