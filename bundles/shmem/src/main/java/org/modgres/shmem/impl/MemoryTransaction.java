package org.modgres.shmem.impl;

import java.util.ArrayList;
import java.util.List;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;

/**
 * A transaction over the in-memory tables. Changes are applied at once and recorded in an undo
 * log that rollback replays backwards. Other backends see uncommitted changes: isolation and
 * row locks come with the MVCC storage.
 */
final class MemoryTransaction implements Transaction {

    private final long id;
    private final MemoryCatalog catalog;
    private final List<Runnable> undoLog = new ArrayList<>();
    private boolean ended;

    MemoryTransaction(long id, MemoryCatalog catalog) {
        this.id = id;
        this.catalog = catalog;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public TableAccess table(String schema, String name) {
        checkActive();
        return new MemoryTableAccess(catalog.lookup(schema, name), this);
    }

    @Override
    public TableInfo createTable(TableDefinition definition) {
        checkActive();
        MemoryTable table = catalog.create(definition);
        undoLog.add(() -> catalog.forget(table));
        return table.info();
    }

    @Override
    public void dropTable(String schema, String name) {
        checkActive();
        MemoryTable table = catalog.drop(schema, name);
        undoLog.add(() -> catalog.restore(table));
    }

    @Override
    public void commit() {
        checkActive();
        ended = true;
        undoLog.clear();
    }

    @Override
    public void rollback() {
        if (ended) {
            return;
        }
        ended = true;
        for (int i = undoLog.size() - 1; i >= 0; i--) {
            undoLog.get(i).run();
        }
        undoLog.clear();
    }

    void recordUndo(Runnable undo) {
        undoLog.add(undo);
    }

    void checkActive() {
        if (ended) {
            throw new PgException(SqlState.INVALID_TRANSACTION_STATE, "transaction " + id + " has ended");
        }
    }
}
