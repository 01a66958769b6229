package org.modgres.shmem.impl;

import java.util.List;
import java.util.concurrent.locks.Lock;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.SequenceInfo;
import org.modgres.api.storage.SequenceOptions;
import org.modgres.api.storage.SequenceOwner;

/**
 * The sequence operations of one transaction: definitions change inside it (undone by rollback,
 * logged with its commit), values change outside it, logged at once (see {@link MemorySequence}).
 */
final class SequenceChanges {

    private final MemoryTransaction transaction;
    private final MemoryCatalog catalog;
    private final ActiveTransactions active;
    private final Journal journal;

    SequenceChanges(MemoryTransaction transaction, MemoryCatalog catalog, ActiveTransactions active, Journal journal) {
        this.transaction = transaction;
        this.catalog = catalog;
        this.active = active;
        this.journal = journal;
    }

    SequenceInfo create(String schema, String name, SequenceOptions options, SequenceOwner owner) {
        if (owner != null) {
            checkOwner(owner);
        }
        return transaction.change(() -> {
            MemorySequence sequence = catalog.createSequence(schema, name, options, owner);
            transaction.record(new UndoEntry.SequenceCreated(active.nextSequence(), sequence),
                    redo -> redo.createSequence(sequence.info()));
            return sequence.info();
        });
    }

    void drop(String schema, String name) {
        if (catalog.sequences().find(schema, name) == null && catalog.table(schema, name).isPresent()) {
            throw notA(name, "sequence", "DROP TABLE", "table");
        }
        MemorySequence sequence = catalog.sequences().lookup(schema, name);
        transaction.change(() -> {
            drop(sequence);
            return null;
        });
    }

    /** Drops the sequences the columns of a table own, as DROP TABLE does; call inside a change. */
    void dropOwnedBy(String schema, String table) {
        for (MemorySequence owned : List.copyOf(catalog.sequences().all())) {
            if (owned.info().owner() != null && owned.info().owner().isOf(schema, table)) {
                drop(owned);
            }
        }
    }

    private void drop(MemorySequence sequence) {
        catalog.sequences().remove(sequence);
        transaction.record(new UndoEntry.SequenceDropped(active.nextSequence(), sequence),
                redo -> redo.dropSequence(sequence.oid()));
    }

    SequenceInfo alter(long oid, SequenceOptions options, SequenceOwner owner) {
        MemorySequence sequence = sequence(oid);
        if (owner != null) {
            checkOwner(owner);
        }
        return transaction.change(() -> {
            SequenceInfo previous = sequence.info();
            SequenceInfo altered = new SequenceInfo(previous.oid(), previous.schema(), previous.name(), options, owner);
            catalog.sequences().redefine(sequence, altered);
            transaction.record(new UndoEntry.SequenceAltered(active.nextSequence(), sequence, previous),
                    redo -> redo.alterSequence(altered));
            return altered;
        });
    }

    long nextval(long oid) {
        MemorySequence sequence = sequence(oid);
        long[] logged = {0};
        long value;
        Lock lock = active.changeLock();
        lock.lock();
        try {
            value = sequence.next((changed, state) -> logged[0] = logValue(changed, state));
        } finally {
            lock.unlock();
        }
        awaitDurable(logged[0]);
        return value;
    }

    void setval(long oid, long value, boolean isCalled) {
        MemorySequence sequence = sequence(oid);
        long[] logged = {0};
        Lock lock = active.changeLock();
        lock.lock();
        try {
            sequence.set(value, isCalled, (changed, state) -> logged[0] = logValue(changed, state));
        } finally {
            lock.unlock();
        }
        awaitDurable(logged[0]);
    }

    /**
     * Logs again, with the commit, the values of the sequences the transaction created: the records
     * written before the creation committed find no sequence at recovery.
     */
    static void logCreatedValues(List<UndoEntry> undoLog, RedoWriter redo) {
        for (UndoEntry entry : undoLog) {
            if (entry instanceof UndoEntry.SequenceCreated created) {
                redo.sequenceValue(created.created().oid(), created.created().durableState());
            }
        }
    }

    static PgException notA(String name, String kind, String use, String actualKind) {
        return new PgException(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a " + kind)
                .withHint("Use " + use + " to remove a " + actualKind + ".");
    }

    private void checkOwner(SequenceOwner owner) {
        MemoryTable table = catalog.lookup(owner.schema(), owner.table());
        if (table.info().columnIndex(owner.column()) < 0) {
            throw new PgException(SqlState.UNDEFINED_COLUMN, "column \"" + owner.column() + "\" of relation \""
                    + owner.table() + "\" does not exist");
        }
    }

    private MemorySequence sequence(long oid) {
        MemorySequence sequence = catalog.sequences().byOid(oid);
        if (sequence != null) {
            return sequence;
        }
        MemoryTable table = catalog.byOid(oid);
        if (table != null) {
            throw new PgException(SqlState.WRONG_OBJECT_TYPE, "\"" + table.info().name() + "\" is not a sequence");
        }
        return catalog.sequences().lookup(oid);
    }

    /**
     * Logs a sequence's new value at once, outside the transaction: a rollback does not take it
     * back. Returns where the record ends, or 0 when nothing is logged. Call with the change lock held.
     */
    private long logValue(MemorySequence sequence, MemorySequence.State state) {
        return journal.records() ? journal.append(RedoWriter.sequenceValueAlone(sequence.oid(), state)) : 0;
    }

    private void awaitDurable(long position) {
        if (position > 0) {
            journal.awaitDurable(position);
        }
    }
}
