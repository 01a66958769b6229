package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.SequenceInfo;

/**
 * The sequences that exist, by schema and name and by OID. They share the names of relations
 * with the tables: {@link MemoryCatalog} checks both before it adds either.
 */
final class MemorySequences {

    private final ConcurrentHashMap<List<String>, MemorySequence> byName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, MemorySequence> byOid = new ConcurrentHashMap<>();
    private final Runnable changed;

    /** @param changed told of every sequence added or removed, so that the catalog's version moves */
    MemorySequences(Runnable changed) {
        this.changed = changed;
    }

    MemorySequence find(String schema, String name) {
        return byName.get(List.of(schema, name));
    }

    MemorySequence byOid(long oid) {
        return byOid.get(oid);
    }

    MemorySequence lookup(String schema, String name) {
        MemorySequence sequence = find(schema, name);
        if (sequence == null) {
            throw missing(name);
        }
        return sequence;
    }

    MemorySequence lookup(long oid) {
        MemorySequence sequence = byOid(oid);
        if (sequence == null) {
            throw new PgException(SqlState.UNDEFINED_TABLE, "could not open relation with OID " + oid);
        }
        return sequence;
    }

    List<SequenceInfo> infos(String schema) {
        List<SequenceInfo> result = new ArrayList<>();
        for (MemorySequence sequence : byOid.values()) {
            if (sequence.info().schema().equals(schema)) {
                result.add(sequence.info());
            }
        }
        result.sort(Comparator.comparing(SequenceInfo::name));
        return result;
    }

    Collection<MemorySequence> all() {
        return byOid.values();
    }

    /** Adds a sequence; the catalog has checked that no table has its name. */
    void add(MemorySequence sequence) {
        if (byName.putIfAbsent(key(sequence.info()), sequence) != null) {
            throw new PgException(SqlState.DUPLICATE_TABLE,
                    "relation \"" + sequence.name() + "\" already exists");
        }
        byOid.put(sequence.oid(), sequence);
        changed.run();
    }

    /** Adds a sequence as recovery finds it, replacing one of the same name or OID. */
    void install(MemorySequence sequence) {
        MemorySequence previous = byName.put(key(sequence.info()), sequence);
        if (previous != null) {
            byOid.remove(previous.oid(), previous);
        }
        MemorySequence sameOid = byOid.put(sequence.oid(), sequence);
        if (sameOid != null && sameOid != previous) {
            byName.remove(key(sameOid.info()), sameOid);
        }
        changed.run();
    }

    MemorySequence drop(String schema, String name) {
        MemorySequence sequence = byName.remove(List.of(schema, name));
        if (sequence == null) {
            throw missing(name);
        }
        byOid.remove(sequence.oid(), sequence);
        changed.run();
        return sequence;
    }

    /** Removes a sequence: a rolled-back create, or a drop replayed at recovery. */
    void remove(MemorySequence sequence) {
        byName.remove(key(sequence.info()), sequence);
        byOid.remove(sequence.oid(), sequence);
        changed.run();
    }

    void redefine(MemorySequence sequence, SequenceInfo info) {
        sequence.redefine(info);
        changed.run();
    }

    private static List<String> key(SequenceInfo info) {
        return List.of(info.schema(), info.name());
    }

    static PgException missing(String name) {
        return new PgException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist");
    }
}
