package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.modgres.api.session.SessionInfo;

/**
 * PostgreSQL's advisory locks, exclusive mode: a lock is held by one backend at a time, at session
 * level until that backend releases it (or ends), or at transaction level until its transaction
 * ends; a backend may take a lock it holds again, and must release it as often as it took it.
 * Holders are known by process id and local transaction number, and a lock whose holder has ended
 * (or whose transaction has ended) is forgotten the next time anyone looks at it.
 */
final class AdvisoryLocks {

    /**
     * A lock's key as pg_locks shows it: a bigint key split into its high and low halves with
     * objsubid 1, or two int4 keys with objsubid 2.
     */
    record Key(long classId, long objectId, int objectSubId) {

        static Key of(long key) {
            return new Key(key >>> 32, key & 0xFFFF_FFFFL, 1);
        }

        static Key of(int first, int second) {
            return new Key(first & 0xFFFF_FFFFL, second & 0xFFFF_FFFFL, 2);
        }
    }

    /** One held lock, as pg_locks lists it. */
    record Held(Key key, int processId, long localTransactionId) {
    }

    /** Who holds a lock and how often, at each level. */
    private static final class Holder {
        final int processId;
        int sessionCount;
        int transactionCount;
        long transaction;

        Holder(int processId) {
            this.processId = processId;
        }
    }

    private final Map<Key, Holder> locks = new HashMap<>();

    /**
     * Takes a lock if no other backend holds it.
     *
     * @param requester the requesting backend as it is now (its current transaction)
     * @param sessions  the backends running now, by process id
     * @param transactional whether it is held until the transaction ends rather than the session
     * @return whether the lock is now held by the requester
     */
    synchronized boolean tryLock(Key key, SessionInfo requester, Map<Integer, SessionInfo> sessions,
                                 boolean transactional) {
        Holder holder = live(key, sessions);
        if (holder != null && holder.processId != requester.processId()) {
            return false;
        }
        if (holder == null) {
            holder = new Holder(requester.processId());
            locks.put(key, holder);
        }
        if (transactional) {
            if (holder.transactionCount == 0 || holder.transaction != requester.localTransactionId()) {
                holder.transactionCount = 0;
                holder.transaction = requester.localTransactionId();
            }
            holder.transactionCount++;
        } else {
            holder.sessionCount++;
        }
        return true;
    }

    /** Releases one session-level hold of the requester; returns false when it held none. */
    synchronized boolean unlock(Key key, int processId, Map<Integer, SessionInfo> sessions) {
        Holder holder = live(key, sessions);
        if (holder == null || holder.processId != processId || holder.sessionCount == 0) {
            return false;
        }
        holder.sessionCount--;
        if (holder.sessionCount == 0 && holder.transactionCount == 0) {
            locks.remove(key);
        }
        return true;
    }

    /** Releases every session-level hold of a backend. */
    synchronized void unlockAll(int processId, Map<Integer, SessionInfo> sessions) {
        for (Key key : new ArrayList<>(locks.keySet())) {
            Holder holder = live(key, sessions);
            if (holder != null && holder.processId == processId) {
                holder.sessionCount = 0;
                if (holder.transactionCount == 0) {
                    locks.remove(key);
                }
            }
        }
    }

    /** Returns the locks held now. */
    synchronized List<Held> held(Map<Integer, SessionInfo> sessions) {
        List<Held> held = new ArrayList<>();
        for (Key key : new ArrayList<>(locks.keySet())) {
            Holder holder = live(key, sessions);
            if (holder != null) {
                held.add(new Held(key, holder.processId, sessions.get(holder.processId).localTransactionId()));
            }
        }
        return held;
    }

    /** Indexes backends by process id. */
    static Map<Integer, SessionInfo> byProcessId(List<SessionInfo> sessions) {
        return sessions.stream().collect(Collectors.toMap(SessionInfo::processId, Function.identity(), (a, b) -> a));
    }

    /** Returns the holder of a lock, after dropping the holds that ended with their backend or transaction. */
    private Holder live(Key key, Map<Integer, SessionInfo> sessions) {
        Holder holder = locks.get(key);
        if (holder == null) {
            return null;
        }
        SessionInfo owner = sessions.get(holder.processId);
        if (owner == null) {
            locks.remove(key);
            return null;
        }
        if (holder.transactionCount > 0 && (owner.transactionStart() == null
                || owner.localTransactionId() != holder.transaction)) {
            holder.transactionCount = 0;
        }
        if (holder.sessionCount == 0 && holder.transactionCount == 0) {
            locks.remove(key);
            return null;
        }
        return holder;
    }
}
