package org.modgres.api.role;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The memberships of roles at one moment, with PostgreSQL's ways of following them (acl.c's
 * roles_is_member_of). Superusers are the caller's to consider: they pass every check of
 * membership and privilege, but are not members of anything here.
 */
public final class RoleGraph {

    private final Map<Long, List<RoleMembership>> byMember = new HashMap<>();
    private final Map<Long, Boolean> inherits = new HashMap<>();

    private RoleGraph(Collection<RoleInfo> roles, Collection<RoleMembership> memberships) {
        for (RoleInfo role : roles) {
            inherits.put(role.oid(), role.inherit());
        }
        for (RoleMembership membership : memberships) {
            byMember.computeIfAbsent(membership.member(), m -> new ArrayList<>()).add(membership);
        }
    }

    /** Returns the memberships the catalog holds now. */
    public static RoleGraph of(RoleCatalog catalog) {
        return new RoleGraph(catalog.roles(), catalog.memberships());
    }

    /** Returns the graph of these roles and memberships. */
    public static RoleGraph of(Collection<RoleInfo> roles, Collection<RoleMembership> memberships) {
        return new RoleGraph(roles, memberships);
    }

    /**
     * Returns the role and every role it is a member of, directly or through others, whatever
     * their INHERIT attribute: the roles it may SET ROLE to (ROLERECURSE_MEMBERS).
     */
    public Set<Long> memberOf(long role) {
        return closure(role, false);
    }

    /**
     * Returns the role and the roles whose privileges it holds: those it is a member of, followed
     * only from roles that have INHERIT (ROLERECURSE_PRIVS).
     */
    public Set<Long> privilegesOf(long role) {
        return closure(role, true);
    }

    /** Returns whether {@code member} is {@code role} or a member of it, directly or not. */
    public boolean isMember(long member, long role) {
        return memberOf(member).contains(role);
    }

    /** Returns whether {@code member} holds the privileges of {@code role}: has_privs_of_role without superusers. */
    public boolean hasPrivilegesOf(long member, long role) {
        return privilegesOf(member).contains(role);
    }

    /**
     * Returns whether {@code member}, or a role it is a member of, was granted {@code role} WITH
     * ADMIN OPTION; a role never has it on itself (is_admin_of_role without superusers).
     */
    public boolean isAdmin(long member, long role) {
        if (member == role) {
            return false;
        }
        for (long each : memberOf(member)) {
            for (RoleMembership membership : byMember.getOrDefault(each, List.of())) {
                if (membership.role() == role && membership.adminOption()) {
                    return true;
                }
            }
        }
        return false;
    }

    private Set<Long> closure(long role, boolean inheritingOnly) {
        Set<Long> found = new LinkedHashSet<>();
        Deque<Long> pending = new ArrayDeque<>();
        found.add(role);
        pending.add(role);
        while (!pending.isEmpty()) {
            long member = pending.poll();
            if (inheritingOnly && !inherits.getOrDefault(member, false)) {
                continue;
            }
            for (RoleMembership membership : byMember.getOrDefault(member, List.of())) {
                if (found.add(membership.role())) {
                    pending.add(membership.role());
                }
            }
        }
        return found;
    }
}
