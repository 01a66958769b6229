package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modgres.api.role.RoleMembership;

/** The memberships of roles in roles (pg_auth_members), by role and member. */
final class MemoryMemberships {

    /** The key of a membership: at most one per role and member, as pg_auth_members' unique index. */
    record Key(long role, long member) {
    }

    static final Comparator<RoleMembership> ORDER = Comparator.comparingLong(RoleMembership::role)
            .thenComparingLong(RoleMembership::member);

    private final Map<Key, RoleMembership> byKey = new HashMap<>();

    /** Sets a membership; returns the one it replaces, or null. */
    synchronized RoleMembership put(RoleMembership membership) {
        return byKey.put(key(membership), membership);
    }

    /** Removes a membership; returns it, or null when there was none. */
    synchronized RoleMembership remove(long role, long member) {
        return byKey.remove(new Key(role, member));
    }

    synchronized List<RoleMembership> all() {
        List<RoleMembership> all = new ArrayList<>(byKey.values());
        all.sort(ORDER);
        return all;
    }

    /** Replaces every membership by those a checkpoint holds. */
    synchronized void replaceAll(List<RoleMembership> memberships) {
        byKey.clear();
        memberships.forEach(membership -> byKey.put(key(membership), membership));
    }

    static Key key(RoleMembership membership) {
        return new Key(membership.role(), membership.member());
    }
}
