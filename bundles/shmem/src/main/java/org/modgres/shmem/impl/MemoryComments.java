package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.modgres.api.storage.ObjectComment;

/** The comments COMMENT ON put on objects (pg_description), by object, catalog and column. */
final class MemoryComments {

    /** The order pg_description is listed in, which is also the key's. */
    static final Comparator<Key> ORDER = Comparator.comparingLong(Key::objectOid).thenComparingLong(Key::classOid)
            .thenComparingInt(Key::subId);

    /** What a comment is kept by: one per object, catalog and column. */
    record Key(long objectOid, long classOid, int subId) {
        static Key of(ObjectComment comment) {
            return new Key(comment.objectOid(), comment.classOid(), comment.subId());
        }
    }

    private final Map<Key, ObjectComment> byKey = new TreeMap<>(ORDER);

    /** Sets or, with null, removes the comment of a key; returns the one it replaces, or null. */
    synchronized ObjectComment put(Key key, ObjectComment comment) {
        return comment == null ? byKey.remove(key) : byKey.put(key, comment);
    }

    synchronized List<ObjectComment> all() {
        return new ArrayList<>(byKey.values());
    }

    /** Replaces every comment by those a checkpoint holds. */
    synchronized void replaceAll(List<ObjectComment> comments) {
        byKey.clear();
        comments.forEach(comment -> byKey.put(Key.of(comment), comment));
    }
}
