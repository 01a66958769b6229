package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modgres.api.role.DefaultAcl;
import org.modgres.api.role.PrivilegeTarget;

/** The default access control lists of new objects (pg_default_acl), by role, schema and kind. */
final class MemoryDefaultAcls {

    /** The order pg_default_acl is listed in: role, schema, kind. */
    static final Comparator<DefaultAcl> ORDER = Comparator.comparingLong(DefaultAcl::role)
            .thenComparingLong(DefaultAcl::namespace).thenComparing(DefaultAcl::target);

    /** What an entry is kept by: one per role, schema and kind. */
    record Key(long role, long namespace, PrivilegeTarget target) {
        static Key of(DefaultAcl entry) {
            return new Key(entry.role(), entry.namespace(), entry.target());
        }
    }

    private final Map<Key, DefaultAcl> byKey = new HashMap<>();

    synchronized DefaultAcl get(Key key) {
        return byKey.get(key);
    }

    /** Sets an entry; returns the one it replaces, or null. */
    synchronized DefaultAcl put(DefaultAcl entry) {
        return byKey.put(Key.of(entry), entry);
    }

    /** Removes an entry; returns it, or null when there was none. */
    synchronized DefaultAcl remove(Key key) {
        return byKey.remove(key);
    }

    synchronized List<DefaultAcl> all() {
        List<DefaultAcl> all = new ArrayList<>(byKey.values());
        all.sort(ORDER);
        return all;
    }

    /** Replaces every entry by those a checkpoint holds. */
    synchronized void replaceAll(List<DefaultAcl> entries) {
        byKey.clear();
        entries.forEach(this::put);
    }
}
