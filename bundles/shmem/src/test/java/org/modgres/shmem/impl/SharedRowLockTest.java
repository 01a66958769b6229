package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.ConcurrentUpdateException;
import org.modgres.api.storage.IsolationLevel;
import org.modgres.api.storage.RowLockWait;
import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** Shared row locks (FOR SHARE, foreign-key checks) and the cross-checked lookups of referencing rows. */
class SharedRowLockTest {

    private final SharedStorageImpl storage = new SharedStorageImpl();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    SharedRowLockTest() {
        Transaction setup = storage.begin();
        setup.createTable(new TableDefinition("public", "parents",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                        new ColumnInfo("name", ColumnType.of(PgType.TEXT), false)),
                List.of(0)));
        setup.createTable(new TableDefinition("public", "children",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                        new ColumnInfo("parent", ColumnType.of(PgType.INT4), false)),
                List.of(0)));
        for (int id = 1; id <= 2; id++) {
            setup.table("public", "parents").insert(new Object[] {id, "p" + id});
        }
        setup.commit();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private Transaction begin(IsolationLevel isolation) {
        Transaction t = storage.begin(isolation);
        t.startStatement();
        return t;
    }

    private static long rowId(Transaction t, int id) {
        try (RowScan scan = t.table("public", "parents").lookup(new Object[] {id})) {
            assertTrue(scan.next());
            return scan.rowId();
        }
    }

    private static boolean share(Transaction t, int id, RowLockWait wait) {
        return t.table("public", "parents").lockShared(rowId(t, id), wait);
    }

    private static List<Object> childrenOf(Transaction t, int parent) {
        List<Object> ids = new ArrayList<>();
        try (RowScan scan = t.table("public", "children").lookupCrossChecked(List.of(1), new Object[] {parent})) {
            while (scan.next()) {
                ids.add(scan.row()[0]);
            }
        }
        return ids;
    }

    @Test
    void sharers_hold_a_row_together_and_a_writer_waits_for_all_of_them() throws Exception {
        Transaction first = begin(IsolationLevel.READ_COMMITTED);
        Transaction second = begin(IsolationLevel.READ_COMMITTED);
        assertTrue(share(first, 1, RowLockWait.NOWAIT));
        assertTrue(share(second, 1, RowLockWait.NOWAIT), "a second sharer does not wait");
        assertTrue(share(first, 1, RowLockWait.NOWAIT), "sharing again is granted at once");

        Transaction writer = begin(IsolationLevel.READ_COMMITTED);
        assertEquals(SqlState.LOCK_NOT_AVAILABLE, assertThrows(PgException.class,
                () -> writer.table("public", "parents").lock(rowId(writer, 1), RowLockWait.NOWAIT)).sqlState());
        Future<Boolean> delete = threads.submit(() -> writer.table("public", "parents").delete(rowId(writer, 1)));
        Thread.sleep(200);
        assertFalse(delete.isDone());
        first.commit();
        Thread.sleep(200);
        assertFalse(delete.isDone(), "one sharer is still there");
        second.rollback();
        assertTrue(delete.get(5, TimeUnit.SECONDS));
        writer.commit();
    }

    @Test
    void a_sharer_waits_for_a_writer_and_then_finds_the_row_gone() throws Exception {
        Transaction writer = begin(IsolationLevel.READ_COMMITTED);
        Transaction reader = begin(IsolationLevel.READ_COMMITTED);
        long row = rowId(reader, 2);
        assertTrue(writer.table("public", "parents").delete(rowId(writer, 2)));
        Future<Boolean> lock = threads.submit(() -> reader.table("public", "parents").lockShared(row,
                RowLockWait.WAIT));
        Thread.sleep(200);
        assertFalse(lock.isDone());
        writer.commit();
        try {
            assertFalse(lock.get(5, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
            // READ COMMITTED reports a row deleted after its snapshot as a restartable conflict
            assertTrue(e.getCause() instanceof ConcurrentUpdateException);
        }
    }

    @Test
    void the_only_sharer_may_change_the_row_and_locks_end_with_the_transaction() {
        Transaction owner = begin(IsolationLevel.READ_COMMITTED);
        assertTrue(share(owner, 1, RowLockWait.NOWAIT));
        owner.table("public", "parents").update(rowId(owner, 1), new Object[] {1, "changed"});
        owner.commit();

        Transaction sharer = begin(IsolationLevel.READ_COMMITTED);
        assertTrue(share(sharer, 2, RowLockWait.NOWAIT));
        assertTrue(sharer.table("public", "parents").lock(rowId(sharer, 2), RowLockWait.NOWAIT),
                "the only sharer takes the exclusive lock");
        sharer.rollback();
        Transaction later = begin(IsolationLevel.READ_COMMITTED);
        assertTrue(later.table("public", "parents").lock(rowId(later, 2), RowLockWait.NOWAIT));
        later.commit();
    }

    @Test
    void a_referencing_row_committed_since_the_snapshot_makes_the_cross_check_fail() {
        Transaction deleter = begin(IsolationLevel.REPEATABLE_READ);
        assertEquals(List.of(), childrenOf(deleter, 1));

        Transaction child = begin(IsolationLevel.READ_COMMITTED);
        child.table("public", "children").insert(new Object[] {10, 1});
        assertEquals(List.of(), childrenOf(deleter, 1), "a running inserter's row does not count");
        child.commit();

        ConcurrentUpdateException stale = assertThrows(ConcurrentUpdateException.class, () -> childrenOf(deleter, 1));
        assertFalse(stale.restartable(), "REPEATABLE READ fails with 40001");
        deleter.rollback();

        Transaction readCommitted = storage.begin(IsolationLevel.READ_COMMITTED);
        readCommitted.startStatement();
        Transaction another = begin(IsolationLevel.READ_COMMITTED);
        another.table("public", "children").insert(new Object[] {11, 1});
        another.commit();
        assertTrue(assertThrows(ConcurrentUpdateException.class, () -> childrenOf(readCommitted, 1)).restartable());
        readCommitted.startStatement();
        assertEquals(List.of(10, 11), childrenOf(readCommitted, 1), "a new statement sees both");
        readCommitted.commit();
    }
}
