package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.TableLockMode;

/**
 * The table-level locks of all transactions, as PostgreSQL's lock manager keeps them for
 * relations: per table, the modes each transaction holds and the requests that wait, in order of
 * arrival. A request is granted when no other holder's mode conflicts and no earlier waiter's does,
 * so that a stream of readers cannot starve an ALTER TABLE; a transaction that holds a lock on the
 * table already does not queue behind waiters, which would deadlock it with them. Locks last until
 * their transaction ends, so a waiter waits for the end of the transaction in its way, with the
 * deadlock detection of row waits. A table nobody locks has no entry.
 *
 * <p>Every statement locks the tables it reads or changes in a weak mode, which conflicts only
 * with the strong modes of DDL and LOCK TABLE. As in PostgreSQL, a weak lock of a table for which
 * no strong one is held or wanted stays in its transaction's own {@link TransactionLocks} (the
 * fast path); a strong locker first counts itself in the table's partition of
 * {@code strongLocks}, which sends later weak lockers here, then moves the weak locks already
 * taken here before it looks for conflicts.
 */
final class RelationLocks {

    /** The modes that conflict with none of the weak ones: ACCESS SHARE, ROW SHARE and ROW EXCLUSIVE. */
    static final int WEAK_MODES = bit(TableLockMode.ACCESS_SHARE) | bit(TableLockMode.ROW_SHARE)
            | bit(TableLockMode.ROW_EXCLUSIVE);
    /** The modes that conflict with a weak one. */
    static final int STRONG_MODES = bit(TableLockMode.SHARE) | bit(TableLockMode.SHARE_ROW_EXCLUSIVE)
            | bit(TableLockMode.EXCLUSIVE) | bit(TableLockMode.ACCESS_EXCLUSIVE);
    private static final int PARTITIONS = 1024;
    /** For each mode (by ordinal), the bit set of the modes it conflicts with. */
    private static final int[] CONFLICTS = new int[TableLockMode.values().length];

    static {
        for (TableLockMode mode : TableLockMode.values()) {
            for (TableLockMode other : TableLockMode.values()) {
                if (mode.conflictsWith(other)) {
                    CONFLICTS[mode.ordinal()] |= bit(other);
                }
            }
        }
    }

    private final ConcurrentHashMap<Long, Relation> relations = new ConcurrentHashMap<>();
    /** Per partition of table OIDs, the transactions that hold or want a strong lock of one of them. */
    private final AtomicIntegerArray strongLocks = new AtomicIntegerArray(PARTITIONS);
    private final TransactionTable transactions;

    RelationLocks(TransactionTable transactions) {
        this.transactions = transactions;
    }

    static boolean isWeak(TableLockMode mode) {
        return (WEAK_MODES & bit(mode)) != 0;
    }

    private static int bit(TableLockMode mode) {
        return 1 << mode.ordinal();
    }

    private static int partition(long oid) {
        return Long.hashCode(oid) & (PARTITIONS - 1);
    }

    /** Whether a weak lock of the table may take the fast path: no transaction holds or wants a strong one. */
    boolean noStrongLock(long oid) {
        return strongLocks.get(partition(oid)) == 0;
    }

    /** Records locks a transaction took on the fast path, for a strong locker to see. */
    void grantTransferred(MemoryTransaction holder, long oid, int modes) {
        relations.compute(oid, (key, state) -> {
            Relation locks = state == null ? new Relation() : state;
            locks.granted.merge(holder, modes, (held, added) -> held | added);
            return locks;
        });
    }

    /**
     * Takes a lock of the table with this OID for the transaction; returns whether it had to wait.
     *
     * @throws PgException 55P03 with {@code nowait} when it would wait, 40P01 on deadlock, or what
     *         the transaction's interrupt check throws while it waits
     */
    boolean acquire(MemoryTransaction transaction, long oid, String relation, TableLockMode mode, boolean nowait,
                    boolean firstStrong) {
        if (firstStrong) {
            strongLocks.incrementAndGet(partition(oid));
            try {
                transactions.transferFastPathLocks(oid);
            } catch (RuntimeException e) {
                strongLocks.decrementAndGet(partition(oid));
                throw e;
            }
        }
        try {
            return acquireShared(transaction, oid, relation, mode, nowait);
        } catch (RuntimeException e) {
            if (firstStrong) {
                strongLocks.decrementAndGet(partition(oid));
            }
            throw e;
        }
    }

    private boolean acquireShared(MemoryTransaction transaction, long oid, String relation, TableLockMode mode,
                                  boolean nowait) {
        boolean waited = false;
        while (true) {
            MemoryTransaction[] blocker = new MemoryTransaction[1];
            relations.compute(oid, (key, state) -> {
                Relation locks = state == null ? new Relation() : state;
                blocker[0] = locks.grantOrQueue(transaction, mode);
                return locks;
            });
            if (blocker[0] == null) {
                return waited;
            }
            try {
                if (nowait) {
                    throw new PgException(SqlState.LOCK_NOT_AVAILABLE,
                            "could not obtain lock on relation \"" + relation + "\"");
                }
                waited = true;
                transactions.awaitEnd(transaction, blocker[0]);
            } catch (RuntimeException e) {
                relations.computeIfPresent(oid, (key, locks) -> locks.withdraw(transaction) ? null : locks);
                throw e;
            }
        }
    }

    /**
     * Gives back every lock the transaction holds or waits for on the table, when it ends; with
     * {@code strong}, one of them was strong, and weak lockers may take the fast path again once
     * no other transaction holds or wants one.
     */
    void release(MemoryTransaction transaction, long oid, boolean strong) {
        relations.computeIfPresent(oid, (key, locks) -> locks.release(transaction) ? null : locks);
        if (strong) {
            strongLocks.decrementAndGet(partition(oid));
        }
    }

    /**
     * Gives back some of the modes the transaction holds on the table, when it rolls back to a
     * savepoint; with {@code lastStrong}, it holds no strong mode on the table any more.
     */
    void release(MemoryTransaction transaction, long oid, int modes, boolean lastStrong) {
        relations.computeIfPresent(oid, (key, locks) -> locks.release(transaction, modes) ? null : locks);
        if (lastStrong) {
            strongLocks.decrementAndGet(partition(oid));
        }
    }

    /** One table's holders and waiters; changed only inside the map's compute for its OID. */
    private static final class Relation {
        private final Map<MemoryTransaction, Integer> granted = new HashMap<>(4);
        private final List<Request> waiting = new ArrayList<>(0);

        private record Request(MemoryTransaction transaction, TableLockMode mode) {
        }

        /** Grants the mode and returns null, or queues the request and returns whom it waits for. */
        MemoryTransaction grantOrQueue(MemoryTransaction transaction, TableLockMode mode) {
            for (Map.Entry<MemoryTransaction, Integer> holder : granted.entrySet()) {
                if (holder.getKey() != transaction && conflicts(holder.getValue(), mode)) {
                    queue(transaction, mode);
                    return holder.getKey();
                }
            }
            if (!granted.containsKey(transaction)) {
                for (Request ahead : waiting) {
                    if (ahead.transaction() == transaction) {
                        break;
                    }
                    if (ahead.mode().conflictsWith(mode)) {
                        queue(transaction, mode);
                        return ahead.transaction();
                    }
                }
            }
            granted.merge(transaction, 1 << mode.ordinal(), (held, added) -> held | added);
            waiting.removeIf(request -> request.transaction() == transaction);
            return null;
        }

        private void queue(MemoryTransaction transaction, TableLockMode mode) {
            for (Request request : waiting) {
                if (request.transaction() == transaction) {
                    return;
                }
            }
            waiting.add(new Request(transaction, mode));
        }

        private static boolean conflicts(int heldModes, TableLockMode wanted) {
            return (heldModes & CONFLICTS[wanted.ordinal()]) != 0;
        }

        /** Takes the transaction's request out of the queue; returns whether nothing is left. */
        boolean withdraw(MemoryTransaction transaction) {
            waiting.removeIf(request -> request.transaction() == transaction);
            return granted.isEmpty() && waiting.isEmpty();
        }

        /** Drops some of the transaction's modes; returns whether nothing is left. */
        boolean release(MemoryTransaction transaction, int modes) {
            granted.computeIfPresent(transaction, (holder, held) -> (held & ~modes) == 0 ? null : held & ~modes);
            return granted.isEmpty() && waiting.isEmpty();
        }

        /** Drops the transaction's locks and request; returns whether nothing is left. */
        boolean release(MemoryTransaction transaction) {
            granted.remove(transaction);
            return withdraw(transaction);
        }
    }
}
