package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modgres.api.role.PrivilegeTarget;
import org.modgres.api.role.RelationPrivileges;

/**
 * The owners and access control lists of relations, by relation OID. A relation without an entry
 * belongs to the bootstrap superuser with the default list, so data directories made before
 * ownership was kept need nothing. Entries of dropped relations are left until the next
 * checkpoint, which keeps only those of relations it holds: OIDs are never reused. Functions'
 * entries are also kept apart, as a map replaced on every change, which statements read without a
 * lock to learn that no function has a list.
 */
final class MemoryPrivileges {

    private final Map<Long, RelationPrivileges> byRelation = new HashMap<>();
    private volatile Map<Long, RelationPrivileges> functions = Map.of();

    synchronized RelationPrivileges of(long relation) {
        RelationPrivileges privileges = byRelation.get(relation);
        return privileges != null ? privileges : RelationPrivileges.ofBootstrap(relation);
    }

    /** Sets a relation's entry; returns the one it replaces, or null. */
    synchronized RelationPrivileges put(RelationPrivileges privileges) {
        RelationPrivileges previous = byRelation.put(privileges.relation(), privileges);
        if (privileges.target() == PrivilegeTarget.FUNCTION || previous != null
                && previous.target() == PrivilegeTarget.FUNCTION) {
            collectFunctions();
        }
        return previous;
    }

    synchronized void remove(long relation) {
        RelationPrivileges removed = byRelation.remove(relation);
        if (removed != null && removed.target() == PrivilegeTarget.FUNCTION) {
            collectFunctions();
        }
    }

    /** Returns the entries of functions, by OID; the same map until one changes. */
    Map<Long, RelationPrivileges> functions() {
        return functions;
    }

    private void collectFunctions() {
        Map<Long, RelationPrivileges> collected = new HashMap<>();
        byRelation.forEach((oid, entry) -> {
            if (entry.target() == PrivilegeTarget.FUNCTION) {
                collected.put(oid, entry);
            }
        });
        functions = Map.copyOf(collected);
    }

    synchronized List<RelationPrivileges> all() {
        return new ArrayList<>(byRelation.values());
    }

    /** Replaces every entry by those a checkpoint holds. */
    synchronized void replaceAll(List<RelationPrivileges> entries) {
        byRelation.clear();
        entries.forEach(entry -> byRelation.put(entry.relation(), entry));
        collectFunctions();
    }
}
