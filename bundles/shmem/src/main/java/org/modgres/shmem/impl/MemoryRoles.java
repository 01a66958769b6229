package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.role.RoleCatalog;
import org.modgres.api.role.RoleInfo;

/**
 * The roles that exist, by name and by OID. Every data directory starts with the bootstrap
 * superuser; a checkpoint's roles replace the whole set at recovery. Changes are few, so one
 * monitor guards both maps and keeps a rename atomic.
 */
final class MemoryRoles {

    /** The bootstrap superuser as a new data directory has it: every attribute, no password. */
    static final RoleInfo BOOTSTRAP = new RoleInfo(RoleCatalog.BOOTSTRAP_SUPERUSER_OID,
            RoleCatalog.BOOTSTRAP_SUPERUSER, true, true, true, true, true, true, true, -1, null, null);

    private final Map<String, RoleInfo> byName = new HashMap<>();
    private final Map<Long, RoleInfo> byOid = new HashMap<>();

    MemoryRoles() {
        put(BOOTSTRAP);
    }

    synchronized Optional<RoleInfo> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    synchronized Optional<RoleInfo> byOid(long oid) {
        return Optional.ofNullable(byOid.get(oid));
    }

    synchronized List<RoleInfo> all() {
        List<RoleInfo> roles = new ArrayList<>(byOid.values());
        roles.sort(Comparator.comparingLong(RoleInfo::oid));
        return roles;
    }

    /** Adds a new role, which must have its OID already. */
    synchronized void create(RoleInfo role) {
        if (byName.containsKey(role.name())) {
            throw exists(role.name());
        }
        put(role);
    }

    /** Replaces a role by one with the same OID; returns the previous one. */
    synchronized RoleInfo alter(RoleInfo role) {
        RoleInfo previous = byOid.get(role.oid());
        if (previous == null) {
            throw new PgException(SqlState.UNDEFINED_OBJECT, "role \"" + role.name() + "\" does not exist");
        }
        RoleInfo sameName = byName.get(role.name());
        if (sameName != null && sameName.oid() != role.oid()) {
            throw exists(role.name());
        }
        byName.remove(previous.name());
        put(role);
        return previous;
    }

    synchronized RoleInfo drop(String name) {
        RoleInfo role = byName.remove(name);
        if (role == null) {
            throw new PgException(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
        }
        byOid.remove(role.oid());
        return role;
    }

    /**
     * Sets a role as it is, replacing one of the same OID or name: for rollback and recovery, where
     * the later state wins.
     */
    synchronized void install(RoleInfo role) {
        remove(role.oid());
        RoleInfo sameName = byName.get(role.name());
        if (sameName != null) {
            byOid.remove(sameName.oid());
        }
        put(role);
    }

    /** Removes the role with this OID, if there is one; for rollback and recovery. */
    synchronized void remove(long oid) {
        RoleInfo role = byOid.remove(oid);
        if (role != null) {
            byName.remove(role.name(), role);
        }
    }

    /** Replaces every role by those a checkpoint holds. */
    synchronized void replaceAll(List<RoleInfo> roles) {
        byName.clear();
        byOid.clear();
        roles.forEach(this::put);
    }

    private void put(RoleInfo role) {
        byName.put(role.name(), role);
        byOid.put(role.oid(), role);
    }

    private static PgException exists(String name) {
        return new PgException(SqlState.DUPLICATE_OBJECT, "role \"" + name + "\" already exists");
    }
}
