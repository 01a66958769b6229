package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The transactions that changed something and have not ended, and the gate their changes pass:
 * every change (with its undo entry), every commit's log append and every rollback step holds the
 * shared side; a checkpoint holds the exclusive side for as long as it copies references, so that
 * it sees the tables, the undo entries and the log's end at one instant.
 */
final class ActiveTransactions {

    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final Set<MemoryTransaction> writers = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();

    /** The shared side of the gate, held across one change. */
    Lock changeLock() {
        return gate.readLock();
    }

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    /** Call with the change lock held, before the transaction's first change. */
    void register(MemoryTransaction transaction) {
        writers.add(transaction);
    }

    /** Call with the change lock held, when the transaction's changes are logged or all undone. */
    void unregister(MemoryTransaction transaction) {
        writers.remove(transaction);
    }

    /** Runs an action while no change, commit or rollback step is under way. */
    <T> T exclusive(Supplier<T> action) {
        gate.writeLock().lock();
        try {
            return action.get();
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** Returns the undo entries of all active transactions, latest first; call inside {@link #exclusive}. */
    List<UndoEntry> pendingUndo() {
        List<UndoEntry> entries = new ArrayList<>();
        for (MemoryTransaction writer : writers) {
            entries.addAll(writer.undoLog());
        }
        entries.sort(Comparator.comparingLong(UndoEntry::sequence).reversed());
        return entries;
    }

    int size() {
        return writers.size();
    }
}
