package org.modgres.session.impl;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.AclItem;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleGraph;
import org.modgres.api.role.RoleInfo;
import org.modgres.api.role.TablePrivilege;

/**
 * Changes to one access control list that follow grant options, as PostgreSQL's aclupdate does:
 * a grantee that loses a grant option it holds from no one else loses the grants it made with it
 * (REVOKE ... CASCADE) or the REVOKE fails (RESTRICT, the default); and a grant option may not be
 * granted back to a role it was received from.
 */
final class DependentGrants {

    private final RoleCatalog roles;
    private final long owner;
    private final boolean cascade;
    private RoleGraph graph;

    DependentGrants(RoleCatalog roles, long owner, boolean cascade) {
        this.roles = roles;
        this.owner = owner;
        this.cascade = cascade;
    }

    /**
     * Takes privileges and grant options of a grantee from a grantor out of the list, then the
     * grants that depended on the grant options the grantee no longer holds.
     *
     * @throws PgException 2BP01 when there are such grants and the revoke does not cascade
     */
    void revoke(List<AclItem> acl, long grantee, long grantor, Set<TablePrivilege> privileges,
                Set<TablePrivilege> grantOptions) {
        int index = indexOf(acl, grantee, grantor);
        if (index < 0) {
            return;
        }
        AclItem item = acl.get(index);
        Set<TablePrivilege> held = copy(item.privileges());
        held.removeAll(privileges);
        Set<TablePrivilege> options = copy(item.grantOptions());
        options.removeAll(grantOptions);
        options.retainAll(held);
        DefaultPrivileges.putItem(acl, index, new AclItem(grantee, grantor, held, options));
        Set<TablePrivilege> lost = copy(item.grantOptions());
        lost.removeAll(options);
        if (!lost.isEmpty()) {
            revokeDependents(acl, grantee, lost);
        }
    }

    /**
     * Throws 0LP01 unless the grantor holds the grant options it gives without the ones that
     * depend on the grantee's: it would otherwise give them back to where it got them from.
     */
    void checkCircularity(List<AclItem> acl, long grantee, long grantor, Set<TablePrivilege> grantOptions) {
        if (grantor == owner || grantOptions.isEmpty()) {
            return;
        }
        List<AclItem> without = new ArrayList<>(acl);
        DependentGrants cascading = new DependentGrants(roles, owner, true);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (AclItem item : without) {
                if (item.grantee() == grantee && !item.grantOptions().isEmpty()) {
                    cascading.revoke(without, grantee, item.grantor(), item.privileges(), item.grantOptions());
                    changed = true;
                    break;
                }
            }
        }
        if (!grantOptionsOf(without, grantor).containsAll(grantOptions)) {
            throw new PgException(SqlState.INVALID_GRANT_OPERATION,
                    "grant options cannot be granted back to your own grantor");
        }
    }

    /** recursive_revoke: the grants a grantee made with options it lost, unless it still has them from others. */
    private void revokeDependents(List<AclItem> acl, long grantee, Set<TablePrivilege> lost) {
        if (grantee == owner) {
            return;
        }
        Set<TablePrivilege> gone = copy(lost);
        gone.removeAll(grantOptionsOf(acl, grantee));
        if (gone.isEmpty()) {
            return;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (AclItem item : acl) {
                if (item.grantor() == grantee && item.privileges().stream().anyMatch(gone::contains)) {
                    if (!cascade) {
                        throw new PgException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, Severity.ERROR,
                                "dependent privileges exist", null, "Use CASCADE to revoke them too.", 0, null);
                    }
                    revoke(acl, item.grantee(), grantee, gone, gone);
                    changed = true;
                    break;
                }
            }
        }
    }

    /**
     * The grant options a role holds in the list, as aclmask finds them: all of them for the
     * owner's members and superusers, else those of its items, PUBLIC's and those of the roles
     * whose privileges it has.
     */
    private Set<TablePrivilege> grantOptionsOf(List<AclItem> acl, long role) {
        Set<TablePrivilege> options = EnumSet.noneOf(TablePrivilege.class);
        Set<Long> holders = graph().privilegesOf(role);
        if (holders.contains(owner) || roles.role(role).map(RoleInfo::superuser).orElse(false)) {
            options.addAll(EnumSet.allOf(TablePrivilege.class));
            return options;
        }
        for (AclItem item : acl) {
            if (item.grantee() == AclItem.PUBLIC || item.grantee() == role || holders.contains(item.grantee())) {
                options.addAll(item.grantOptions());
            }
        }
        return options;
    }

    private RoleGraph graph() {
        if (graph == null) {
            graph = RoleGraph.of(roles);
        }
        return graph;
    }

    private static int indexOf(List<AclItem> acl, long grantee, long grantor) {
        for (int i = 0; i < acl.size(); i++) {
            if (acl.get(i).grantee() == grantee && acl.get(i).grantor() == grantor) {
                return i;
            }
        }
        return -1;
    }

    private static Set<TablePrivilege> copy(Set<TablePrivilege> privileges) {
        Set<TablePrivilege> copy = EnumSet.noneOf(TablePrivilege.class);
        copy.addAll(privileges);
        return copy;
    }
}
