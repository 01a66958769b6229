package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modgres.api.role.RelationPrivileges;

/**
 * The owners and access control lists of relations, by relation OID. A relation without an entry
 * belongs to the bootstrap superuser with the default list, so data directories made before
 * ownership was kept need nothing. Entries of dropped relations are left until the next
 * checkpoint, which keeps only those of relations it holds: OIDs are never reused.
 */
final class MemoryPrivileges {

    private final Map<Long, RelationPrivileges> byRelation = new HashMap<>();

    synchronized RelationPrivileges of(long relation) {
        RelationPrivileges privileges = byRelation.get(relation);
        return privileges != null ? privileges : RelationPrivileges.ofBootstrap(relation);
    }

    /** Sets a relation's entry; returns the one it replaces, or null. */
    synchronized RelationPrivileges put(RelationPrivileges privileges) {
        return byRelation.put(privileges.relation(), privileges);
    }

    synchronized void remove(long relation) {
        byRelation.remove(relation);
    }

    synchronized List<RelationPrivileges> all() {
        return new ArrayList<>(byRelation.values());
    }

    /** Replaces every entry by those a checkpoint holds. */
    synchronized void replaceAll(List<RelationPrivileges> entries) {
        byRelation.clear();
        entries.forEach(entry -> byRelation.put(entry.relation(), entry));
    }
}
