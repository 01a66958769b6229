package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.ConcurrentUpdateException;
import org.modgres.api.storage.IsolationLevel;
import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** Snapshots, row locks, deadlocks and primary keys among concurrent transactions. */
class ConcurrencyTest {

    private final SharedStorageImpl storage = new SharedStorageImpl();
    /** Each waiting transaction needs a thread of its own; the common pool may have only one. */
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    ConcurrencyTest() {
        Transaction setup = storage.begin();
        setup.createTable(new TableDefinition("public", "accounts",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                        new ColumnInfo("balance", ColumnType.of(PgType.INT4), false)),
                List.of(0)));
        TableAccess accounts = setup.table("public", "accounts");
        for (int id = 1; id <= 3; id++) {
            accounts.insert(new Object[] {id, 100});
        }
        setup.commit();
    }

    private static List<Object[]> rows(Transaction t) {
        List<Object[]> rows = new ArrayList<>();
        try (RowScan scan = t.table("public", "accounts").scan()) {
            while (scan.next()) {
                rows.add(scan.row());
            }
        }
        return rows;
    }

    private static Integer balance(Transaction t, int id) {
        try (RowScan scan = t.table("public", "accounts").lookup(new Object[] {id})) {
            return scan.next() ? (Integer) scan.row()[1] : null;
        }
    }

    private static long rowId(Transaction t, int id) {
        try (RowScan scan = t.table("public", "accounts").lookup(new Object[] {id})) {
            assertTrue(scan.next(), "row " + id);
            return scan.rowId();
        }
    }

    private static void setBalance(Transaction t, int id, int balance) {
        t.table("public", "accounts").update(rowId(t, id), new Object[] {id, balance});
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private static void assertStillWaiting(CompletableFuture<?> future) throws Exception {
        assertThrows(TimeoutException.class, () -> future.get(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void uncommitted_changes_are_invisible_to_others_until_commit() {
        Transaction writer = storage.begin();
        writer.startStatement();
        setBalance(writer, 1, 50);
        writer.table("public", "accounts").insert(new Object[] {4, 1});

        Transaction reader = storage.begin();
        reader.startStatement();
        assertEquals(100, balance(reader, 1));
        assertEquals(3, rows(reader).size());
        assertEquals(50, balance(writer, 1), "a transaction sees its own change");

        writer.commit();
        assertEquals(100, balance(reader, 1), "the statement's snapshot stays");
        reader.startStatement();
        assertEquals(50, balance(reader, 1), "read committed: the next statement sees the commit");
        assertEquals(4, rows(reader).size());
    }

    @Test
    void repeatable_read_keeps_its_first_snapshot() {
        Transaction reader = storage.begin(IsolationLevel.REPEATABLE_READ);
        reader.startStatement();
        assertEquals(100, balance(reader, 2));

        Transaction writer = storage.begin();
        setBalance(writer, 2, 7);
        writer.commit();

        reader.startStatement();
        assertEquals(100, balance(reader, 2));
        assertEquals(7, balance(storage.begin(), 2));
    }

    @Test
    void a_second_writer_waits_and_then_must_restart_under_read_committed() throws Exception {
        Transaction first = storage.begin();
        setBalance(first, 1, 110);

        Transaction second = storage.begin();
        second.startStatement();
        long row = rowId(second, 1);
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(
                () -> second.table("public", "accounts").update(row, new Object[] {1, 120}), threads);
        assertStillWaiting(blocked);
        first.commit();

        ConcurrentUpdateException e = assertThrows(ConcurrentUpdateException.class, () -> await(blocked));
        assertTrue(e.restartable());
        second.startStatement();
        assertEquals(110, balance(second, 1), "the new snapshot sees the committed update");
        setBalance(second, 1, balance(second, 1) + 10);
        second.commit();
        assertEquals(120, balance(storage.begin(), 1), "no update was lost");
    }

    @Test
    void repeatable_read_fails_with_40001_on_a_concurrent_update() throws Exception {
        Transaction reader = storage.begin(IsolationLevel.REPEATABLE_READ);
        reader.startStatement();
        long row = rowId(reader, 3);

        Transaction writer = storage.begin();
        setBalance(writer, 3, 1);
        writer.commit();

        ConcurrentUpdateException e = assertThrows(ConcurrentUpdateException.class,
                () -> reader.table("public", "accounts").update(row, new Object[] {3, 2}));
        assertFalse(e.restartable());
        assertEquals(SqlState.SERIALIZATION_FAILURE, e.sqlState());
    }

    @Test
    void a_waiting_writer_goes_on_when_the_holder_rolls_back() throws Exception {
        Transaction first = storage.begin();
        setBalance(first, 2, 0);
        Transaction second = storage.begin();
        second.startStatement();
        long row = rowId(second, 2);
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(
                () -> second.table("public", "accounts").update(row, new Object[] {2, 101}), threads);
        assertStillWaiting(blocked);
        first.rollback();
        await(blocked);
        second.commit();
        assertEquals(101, balance(storage.begin(), 2));
    }

    @Test
    void a_deadlock_is_broken_with_40P01_for_the_transaction_that_waited_longest() throws Exception {
        Transaction a = storage.begin();
        Transaction b = storage.begin();
        setBalance(a, 1, 1);
        setBalance(b, 2, 2);
        long row1 = rowId(b, 1);
        long row2 = rowId(a, 2);
        CompletableFuture<Void> aWaits = CompletableFuture.runAsync(
                () -> a.table("public", "accounts").update(row2, new Object[] {2, 3}), threads);
        assertStillWaiting(aWaits);
        CompletableFuture<Void> bWaits = CompletableFuture.runAsync(
                () -> b.table("public", "accounts").update(row1, new Object[] {1, 4}), threads);
        // a reaches deadlock_timeout first, finds the cycle and gives up
        PgException e = assertThrows(PgException.class, () -> await(aWaits));
        assertEquals(SqlState.DEADLOCK_DETECTED, e.sqlState());
        assertStillWaiting(bWaits);
        a.rollback();
        await(bWaits);
        b.commit();
        Transaction check = storage.begin();
        assertEquals(4, balance(check, 1));
        assertEquals(2, balance(check, 2));
    }

    @Test
    void a_lock_wait_stops_when_the_interrupt_check_throws() throws Exception {
        Transaction holder = storage.begin();
        setBalance(holder, 1, 0);
        Transaction waiter = storage.begin();
        long row = rowId(waiter, 1);
        waiter.whileWaiting(() -> {
            throw new PgException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
        });
        PgException e = assertThrows(PgException.class,
                () -> waiter.table("public", "accounts").update(row, new Object[] {1, 5}));
        assertEquals(SqlState.QUERY_CANCELED, e.sqlState());
        holder.commit();
    }

    @Test
    void an_insert_of_a_key_another_transaction_inserts_waits_for_it() throws Exception {
        Transaction first = storage.begin();
        first.table("public", "accounts").insert(new Object[] {9, 0});
        Transaction second = storage.begin();
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(
                () -> second.table("public", "accounts").insert(new Object[] {9, 1}), threads);
        assertStillWaiting(blocked);
        first.commit();
        PgException e = assertThrows(PgException.class, () -> await(blocked));
        assertEquals(SqlState.UNIQUE_VIOLATION, e.sqlState());

        Transaction third = storage.begin();
        third.table("public", "accounts").insert(new Object[] {10, 0});
        Transaction fourth = storage.begin();
        CompletableFuture<Void> goesOn = CompletableFuture.runAsync(
                () -> fourth.table("public", "accounts").insert(new Object[] {10, 1}), threads);
        assertStillWaiting(goesOn);
        third.rollback();
        await(goesOn);
        fourth.commit();
        assertEquals(1, balance(storage.begin(), 10));
    }

    @Test
    void a_deleted_key_can_be_inserted_again_and_old_snapshots_still_find_the_old_row() {
        Transaction old = storage.begin(IsolationLevel.REPEATABLE_READ);
        old.startStatement();
        Transaction t = storage.begin();
        assertTrue(t.table("public", "accounts").delete(rowId(t, 1)));
        t.table("public", "accounts").insert(new Object[] {1, 999});
        t.commit();
        assertEquals(999, balance(storage.begin(), 1));
        assertEquals(100, balance(old, 1));
    }

    @Test
    void rollback_to_a_savepoint_undoes_only_later_changes() {
        Transaction t = storage.begin();
        setBalance(t, 1, 1);
        long savepoint = t.savepoint();
        setBalance(t, 2, 2);
        t.table("public", "accounts").insert(new Object[] {5, 5});
        t.rollbackTo(savepoint);
        setBalance(t, 3, 3);
        t.commit();
        Transaction check = storage.begin();
        assertEquals(1, balance(check, 1));
        assertEquals(100, balance(check, 2));
        assertEquals(3, balance(check, 3));
        assertEquals(null, balance(check, 5));
    }

    @Test
    void truncate_is_undone_by_rollback() {
        Transaction t = storage.begin();
        t.truncate("public", "accounts");
        assertEquals(0, rows(t).size());
        t.rollback();
        Transaction reader = storage.begin();
        assertEquals(3, rows(reader).size());
        reader.commit();
        Transaction u = storage.begin();
        u.truncate("public", "accounts");
        u.commit();
        assertEquals(0, rows(storage.begin()).size());
    }

    @Test
    void vacuum_leaves_one_version_of_a_row_updated_many_times() {
        for (int i = 0; i < 50; i++) {
            Transaction t = storage.begin();
            setBalance(t, 1, i);
            t.commit();
        }
        Transaction deleter = storage.begin();
        deleter.table("public", "accounts").delete(rowId(deleter, 2));
        deleter.commit();
        storage.vacuum("public", "accounts");
        MemoryTable table = storage.engine().table("public", "accounts");
        assertEquals(2, table.rows().count(), "the deleted row is gone");
        for (RowStore.Cursor row = table.rows().cursor(); row.next(); ) {
            assertEquals(null, row.version().older());
        }
        assertEquals(49, balance(storage.begin(), 1));
    }

    @Test
    void vacuum_drops_the_index_entry_of_a_key_only_an_old_version_had() {
        MemoryTable table = storage.engine().table("public", "accounts");
        KeyIndex primaryKey = table.primaryKey();
        storage.vacuum("public", "accounts");
        long rowId = primaryKey.ids(RowKey.ofValues(new Object[] {1}))[0];
        Transaction rekey = storage.begin();
        rekey.table("public", "accounts").update(rowId(rekey, 1), new Object[] {7, 100});
        rekey.commit();
        Transaction balance = storage.begin();
        setBalance(balance, 2, 5);
        balance.commit();
        assertEquals(1, primaryKey.ids(RowKey.ofValues(new Object[] {1})).length, "kept while an old version has it");
        storage.vacuum("public", "accounts");
        assertEquals(0, primaryKey.ids(RowKey.ofValues(new Object[] {1})).length, "dropped with the version");
        assertArrayEquals(new long[] {rowId}, primaryKey.ids(RowKey.ofValues(new Object[] {7})));
        assertEquals(100, balance(storage.begin(), 7));
        assertEquals(5, balance(storage.begin(), 2));
    }

    @Test
    void a_primary_key_is_added_checked_and_taken_back_by_rollback() {
        Transaction setup = storage.begin();
        setup.createTable(new TableDefinition("public", "plain",
                List.of(new ColumnInfo("k", ColumnType.of(PgType.INT4), false)), List.of()));
        setup.table("public", "plain").insert(new Object[] {1});
        setup.table("public", "plain").insert(new Object[] {1});
        setup.commit();

        Transaction t = storage.begin();
        PgException duplicate = assertThrows(PgException.class,
                () -> t.addPrimaryKey("public", "plain", List.of("k")));
        assertEquals(SqlState.UNIQUE_VIOLATION, duplicate.sqlState());
        assertEquals("Key (k)=(1) is duplicated.", duplicate.detail());
        t.rollback();

        Transaction fix = storage.begin();
        try (RowScan scan = fix.table("public", "plain").scan()) {
            assertTrue(scan.next());
            fix.table("public", "plain").delete(scan.rowId());
        }
        assertEquals(List.of(0), fix.addPrimaryKey("public", "plain", List.of("k")).primaryKey());
        fix.rollback();
        assertTrue(storage.catalog().table("public", "plain").orElseThrow().primaryKey().isEmpty());

        Transaction keyed = storage.begin();
        keyed.table("public", "plain").delete(firstRowId(keyed));
        keyed.addPrimaryKey("public", "plain", List.of("k"));
        keyed.commit();
        assertTrue(storage.catalog().table("public", "plain").orElseThrow().columns().get(0).notNull());
        Transaction insert = storage.begin();
        insert.table("public", "plain").insert(new Object[] {2});
        PgException e = assertThrows(PgException.class,
                () -> insert.table("public", "plain").insert(new Object[] {2}));
        assertEquals(SqlState.UNIQUE_VIOLATION, e.sqlState());
        PgException again = assertThrows(PgException.class,
                () -> insert.addPrimaryKey("public", "plain", List.of("k")));
        assertEquals(SqlState.INVALID_TABLE_DEFINITION, again.sqlState());
    }

    private static long firstRowId(Transaction t) {
        try (RowScan scan = t.table("public", "plain").scan()) {
            assertTrue(scan.next());
            return scan.rowId();
        }
    }

    @Test
    void concurrent_increments_lose_nothing() throws Exception {
        int workers = 8;
        int increments = 200;
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            all.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < increments; i++) {
                    Transaction t = storage.begin();
                    while (true) {
                        t.startStatement();
                        try {
                            setBalance(t, 1, balance(t, 1) + 1);
                            break;
                        } catch (ConcurrentUpdateException restart) {
                            assertInstanceOf(ConcurrentUpdateException.class, restart);
                        }
                    }
                    t.commit();
                }
            }, threads));
        }
        for (CompletableFuture<Void> worker : all) {
            await(worker);
        }
        assertEquals(100 + workers * increments, balance(storage.begin(), 1));
    }
}
