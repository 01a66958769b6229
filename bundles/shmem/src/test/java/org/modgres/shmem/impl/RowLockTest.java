package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Row locks of SELECT ... FOR UPDATE among concurrent transactions. */
class RowLockTest {

    private final SharedStorageImpl storage = new SharedStorageImpl();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    RowLockTest() {
        Transaction setup = storage.begin();
        setup.createTable(new TableDefinition("public", "jobs",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                        new ColumnInfo("state", ColumnType.of(PgType.TEXT), false)),
                List.of(0)));
        for (int id = 1; id <= 3; id++) {
            setup.table("public", "jobs").insert(new Object[] {id, "new"});
        }
        setup.commit();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static long rowId(Transaction t, int id) {
        try (RowScan scan = t.table("public", "jobs").lookup(new Object[] {id})) {
            assertTrue(scan.next());
            return scan.rowId();
        }
    }

    private static boolean lock(Transaction t, int id, RowLockWait wait) {
        return t.table("public", "jobs").lock(rowId(t, id), wait);
    }

    @Test
    void a_locked_row_makes_writers_and_lockers_wait_until_the_locker_ends() throws Exception {
        Transaction locker = storage.begin();
        locker.startStatement();
        assertTrue(lock(locker, 1, RowLockWait.WAIT));
        assertTrue(lock(locker, 1, RowLockWait.WAIT), "a second lock of its own row is granted at once");

        Transaction writer = storage.begin();
        writer.startStatement();
        Future<?> update = threads.submit(
                () -> writer.table("public", "jobs").update(rowId(writer, 1), new Object[] {1, "taken"}));
        Transaction other = storage.begin();
        other.startStatement();
        Future<Boolean> otherLock = threads.submit(() -> lock(other, 1, RowLockWait.WAIT));
        Thread.sleep(200);
        assertFalse(update.isDone());
        assertFalse(otherLock.isDone());

        // the locker itself may change the row it holds
        locker.table("public", "jobs").update(rowId(locker, 1), new Object[] {1, "mine"});
        locker.commit();
        // under READ COMMITTED the waiters find a version committed after their snapshot
        assertThrows(Exception.class, () -> update.get(10, TimeUnit.SECONDS));
        assertThrows(Exception.class, () -> otherLock.get(10, TimeUnit.SECONDS));
        writer.rollback();
        other.rollback();
    }

    @Test
    void nowait_refuses_and_skip_locked_passes_a_row_another_holds() {
        Transaction locker = storage.begin();
        locker.startStatement();
        assertTrue(lock(locker, 2, RowLockWait.NOWAIT));

        Transaction other = storage.begin();
        other.startStatement();
        PgException e = assertThrows(PgException.class, () -> lock(other, 2, RowLockWait.NOWAIT));
        assertEquals(SqlState.LOCK_NOT_AVAILABLE, e.sqlState());
        assertEquals("could not obtain lock on row in relation \"jobs\"", e.getMessage());
        assertFalse(lock(other, 2, RowLockWait.SKIP_LOCKED));
        assertTrue(lock(other, 3, RowLockWait.SKIP_LOCKED));

        locker.rollback();
        assertTrue(lock(other, 2, RowLockWait.NOWAIT), "a rollback gives the lock back");
        other.commit();
        Transaction later = storage.begin();
        later.startStatement();
        // a commit gives the lock back too: this would wait forever otherwise
        later.table("public", "jobs").update(rowId(later, 2), new Object[] {2, "done"});
        later.commit();
    }

    @Test
    void a_waiting_locker_in_repeatable_read_fails_when_the_row_changed() throws Exception {
        Transaction writer = storage.begin();
        writer.startStatement();
        writer.table("public", "jobs").update(rowId(writer, 3), new Object[] {3, "changed"});

        Transaction locker = storage.begin(IsolationLevel.REPEATABLE_READ);
        locker.startStatement();
        Future<Boolean> lock = threads.submit(() -> lock(locker, 3, RowLockWait.WAIT));
        Thread.sleep(200);
        assertFalse(lock.isDone(), "a row a running transaction changed is waited for");
        writer.commit();
        Exception e = assertThrows(Exception.class, () -> lock.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ConcurrentUpdateException || e.getCause() instanceof PgException,
                e.getCause().toString());
        locker.rollback();
    }

    @Test
    void rolling_back_to_a_savepoint_gives_back_the_row_locks_taken_since() throws Exception {
        Transaction locker = storage.begin();
        locker.startStatement();
        assertTrue(locker.table("public", "jobs").lockShared(rowId(locker, 1), RowLockWait.WAIT));
        long savepoint = locker.savepoint();
        assertTrue(lock(locker, 1, RowLockWait.WAIT), "the shared lock upgraded");
        assertTrue(lock(locker, 2, RowLockWait.WAIT));
        Transaction other = storage.begin();
        other.startStatement();
        Future<Boolean> waiting = threads.submit(() -> lock(other, 2, RowLockWait.WAIT));
        Thread.sleep(200);
        assertFalse(waiting.isDone(), "waits for the lock taken after the savepoint");
        locker.rollbackTo(savepoint);
        assertTrue(waiting.get(5, TimeUnit.SECONDS), "granted while the locker still runs");
        assertTrue(other.table("public", "jobs").lockShared(rowId(other, 1), RowLockWait.NOWAIT),
                "row 1 is back to the shared lock held before the savepoint");
        assertThrows(PgException.class, () -> lock(other, 1, RowLockWait.NOWAIT),
                "which still keeps writers out");
        other.rollback();
        locker.commit();
    }
}
