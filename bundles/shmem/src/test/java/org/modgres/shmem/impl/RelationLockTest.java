package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableIndex;
import org.modgres.api.storage.TableLockMode;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** Table-level locks: DDL waits for the transactions using a table, and they wait for its DDL. */
class RelationLockTest {

    private final SharedStorageImpl storage = new SharedStorageImpl();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    RelationLockTest() {
        Transaction setup = storage.begin();
        setup.createTable(new TableDefinition("public", "items",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                        new ColumnInfo("name", ColumnType.of(PgType.TEXT), false)),
                List.of(0)));
        setup.table("public", "items").insert(new Object[] {1, "one"});
        setup.commit();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static int count(Transaction t) {
        int rows = 0;
        try (RowScan scan = t.table("public", "items").scan()) {
            while (scan.next()) {
                rows++;
            }
        }
        return rows;
    }

    private static void assertWaiting(Future<?> future) throws InterruptedException {
        Thread.sleep(200);
        assertFalse(future.isDone(), "waits");
    }

    @Test
    void a_table_is_not_dropped_under_a_transaction_that_read_it() throws Exception {
        Transaction reader = storage.begin();
        assertEquals(1, count(reader));
        Transaction dropper = storage.begin();
        Future<?> drop = threads.submit(() -> dropper.dropTable("public", "items"));
        assertWaiting(drop);
        assertEquals(1, count(reader), "the reader still reads the table it locked");
        reader.commit();
        drop.get(5, TimeUnit.SECONDS);
        dropper.commit();
    }

    @Test
    void an_index_is_not_dropped_under_a_transaction_that_read_its_table() throws Exception {
        Transaction creator = storage.begin();
        creator.createIndex("public", "items", new TableIndex("items_name", List.of(1), false));
        creator.commit();
        Transaction reader = storage.begin();
        assertEquals(1, count(reader));
        Transaction dropper = storage.begin();
        Future<?> drop = threads.submit(() -> dropper.dropIndex("public", "items_name"));
        assertWaiting(drop);
        reader.commit();
        drop.get(5, TimeUnit.SECONDS);
        assertTrue(dropper.table("public", "items").info().indexes().isEmpty());
        dropper.commit();
    }

    @Test
    void rolling_back_to_a_savepoint_gives_back_the_table_locks_taken_since() throws Exception {
        Transaction locker = storage.begin();
        assertEquals(1, count(locker));
        long savepoint = locker.savepoint();
        locker.lockTable("public", "items", TableLockMode.ACCESS_EXCLUSIVE, false);
        Transaction reader = storage.begin();
        Future<Integer> read = threads.submit(() -> count(reader));
        assertWaiting(read);
        locker.rollbackTo(savepoint);
        assertEquals(1, read.get(5, TimeUnit.SECONDS), "the reader goes on while the locker still runs");
        Transaction dropper = storage.begin();
        Future<?> drop = threads.submit(() -> dropper.dropTable("public", "items"));
        assertWaiting(drop);
        reader.commit();
        assertWaiting(drop);
        locker.commit();
        drop.get(5, TimeUnit.SECONDS);
        dropper.rollback();
    }

    @Test
    void readers_and_writers_wait_for_an_uncommitted_truncate_and_see_its_outcome() throws Exception {
        Transaction truncater = storage.begin();
        truncater.truncate("public", "items");
        Transaction reader = storage.begin();
        Future<Integer> read = threads.submit(() -> count(reader));
        assertWaiting(read);
        truncater.rollback();
        assertEquals(1, read.get(5, TimeUnit.SECONDS));
        reader.commit();
    }

    @Test
    void a_waiting_exclusive_lock_holds_back_later_readers_so_it_is_not_starved() throws Exception {
        Transaction first = storage.begin();
        assertEquals(1, count(first));
        Transaction locker = storage.begin();
        Future<?> exclusive = threads.submit(
                () -> locker.lockTable("public", "items", TableLockMode.ACCESS_EXCLUSIVE, false));
        assertWaiting(exclusive);
        Transaction later = storage.begin();
        Future<Integer> read = threads.submit(() -> count(later));
        assertWaiting(read);
        assertEquals(1, count(first), "a holder is not queued behind the waiter");
        first.commit();
        exclusive.get(5, TimeUnit.SECONDS);
        assertWaiting(read);
        locker.commit();
        assertEquals(1, read.get(5, TimeUnit.SECONDS));
        later.commit();
    }

    @Test
    void nowait_fails_with_55P03_and_compatible_modes_share() {
        Transaction writer = storage.begin();
        writer.table("public", "items").insert(new Object[] {2, "two"});
        Transaction other = storage.begin();
        other.lockTable("public", "items", TableLockMode.ROW_EXCLUSIVE, true);
        other.lockTable("public", "items", TableLockMode.SHARE_UPDATE_EXCLUSIVE, true);
        PgException refused = assertThrows(PgException.class,
                () -> other.lockTable("public", "items", TableLockMode.SHARE, true));
        assertEquals(SqlState.LOCK_NOT_AVAILABLE, refused.sqlState());
        assertEquals("could not obtain lock on relation \"items\"", refused.getMessage());
        writer.commit();
        other.lockTable("public", "items", TableLockMode.SHARE, true);
        other.commit();
    }

    @Test
    void two_lock_upgrades_deadlock_and_one_fails_with_40P01() throws Exception {
        Transaction first = storage.begin();
        Transaction second = storage.begin();
        first.lockTable("public", "items", TableLockMode.SHARE, false);
        second.lockTable("public", "items", TableLockMode.SHARE, false);
        Future<?> firstUpgrade = threads.submit(
                () -> first.lockTable("public", "items", TableLockMode.ACCESS_EXCLUSIVE, false));
        assertWaiting(firstUpgrade);
        Future<?> secondUpgrade = threads.submit(
                () -> second.lockTable("public", "items", TableLockMode.ACCESS_EXCLUSIVE, false));
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> firstUpgrade.get(10, TimeUnit.SECONDS));
        assertEquals(SqlState.DEADLOCK_DETECTED, ((PgException) failed.getCause()).sqlState());
        first.rollback();
        secondUpgrade.get(5, TimeUnit.SECONDS);
        second.commit();
        assertTrue(TableLockMode.ACCESS_SHARE.conflictsWith(TableLockMode.ACCESS_EXCLUSIVE));
        assertFalse(TableLockMode.ROW_EXCLUSIVE.conflictsWith(TableLockMode.ROW_EXCLUSIVE));
        assertEquals("ShareRowExclusiveLock", TableLockMode.SHARE_ROW_EXCLUSIVE.lockName());
    }

    @Test
    void weak_locks_taken_on_the_fast_path_still_keep_out_a_strong_locker() throws Exception {
        AtomicInteger readersInside = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> readers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            readers.add(threads.submit(() -> {
                while (!stop.get()) {
                    Transaction reader = storage.begin();
                    count(reader);
                    readersInside.incrementAndGet();
                    Thread.sleep(1);
                    readersInside.decrementAndGet();
                    reader.commit();
                }
                return null;
            }));
        }
        for (int round = 0; round < 200; round++) {
            Transaction locker = storage.begin();
            locker.lockTable("public", "items", TableLockMode.ACCESS_EXCLUSIVE, false);
            assertEquals(0, readersInside.get(), "no reader holds the table while it is locked exclusively");
            Thread.sleep(2);
            assertEquals(0, readersInside.get(), "no reader takes the table while it is locked exclusively");
            locker.commit();
        }
        stop.set(true);
        for (Future<?> reader : readers) {
            reader.get(5, TimeUnit.SECONDS);
        }
        Transaction after = storage.begin();
        assertEquals(1, count(after), "weak locks are granted again once the strong ones are gone");
        Transaction other = storage.begin();
        other.lockTable("public", "items", TableLockMode.SHARE, true);
        other.commit();
        after.commit();
    }
}
