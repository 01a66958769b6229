package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 */
final class RelationLocks {

    private final ConcurrentHashMap<Long, Relation> relations = new ConcurrentHashMap<>();
    private final TransactionTable transactions;

    RelationLocks(TransactionTable transactions) {
        this.transactions = transactions;
    }

    /**
     * Takes a lock of the table with this OID for the transaction; returns whether it had to wait.
     *
     * @throws PgException 55P03 with {@code nowait} when it would wait, 40P01 on deadlock, or what
     *         the transaction's interrupt check throws while it waits
     */
    boolean acquire(MemoryTransaction transaction, long oid, String relation, TableLockMode mode, boolean nowait) {
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

    /** Gives back every lock the transaction holds or waits for on the table, when it ends. */
    void release(MemoryTransaction transaction, long oid) {
        relations.computeIfPresent(oid, (key, locks) -> locks.release(transaction) ? null : locks);
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
            for (TableLockMode held : TableLockMode.values()) {
                if ((heldModes & (1 << held.ordinal())) != 0 && held.conflictsWith(wanted)) {
                    return true;
                }
            }
            return false;
        }

        /** Takes the transaction's request out of the queue; returns whether nothing is left. */
        boolean withdraw(MemoryTransaction transaction) {
            waiting.removeIf(request -> request.transaction() == transaction);
            return granted.isEmpty() && waiting.isEmpty();
        }

        /** Drops the transaction's locks and request; returns whether nothing is left. */
        boolean release(MemoryTransaction transaction) {
            granted.remove(transaction);
            return withdraw(transaction);
        }
    }
}
