package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** UNIQUE constraints: PostgreSQL's duplicate rule, NULLs, rollbacks, waiting inserters and recovery. */
class UniqueConstraintTest extends DataDirectoryTestBase {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** p1 (id int primary key, e text unique, a int, b int, unique (a, b)), as PostgreSQL names the constraints. */
    private static TableDefinition p1() {
        return new TableDefinition("public", "p1", List.of(
                new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                new ColumnInfo("e", ColumnType.of(PgType.TEXT), false),
                new ColumnInfo("a", ColumnType.of(PgType.INT4), false),
                new ColumnInfo("b", ColumnType.of(PgType.INT4), false)), List.of(0),
                List.of(new TableConstraint.Unique("p1_e_key", List.of(1)),
                        new TableConstraint.Unique("p1_a_b_key", List.of(2, 3))));
    }

    private static StorageEngine withP1(StorageEngine engine) {
        Transaction t = engine.begin();
        t.createTable(p1());
        t.table("public", "p1").insert(new Object[] {1, "x", 1, 1});
        t.commit();
        return engine;
    }

    private static PgException insertFails(StorageEngine engine, Object... row) {
        Transaction t = engine.begin();
        try {
            return assertThrows(PgException.class, () -> t.table("public", "p1").insert(row));
        } finally {
            t.rollback();
        }
    }

    private static void insert(StorageEngine engine, Object... row) {
        Transaction t = engine.begin();
        t.table("public", "p1").insert(row);
        t.commit();
    }

    private static List<Object> ids(StorageEngine engine) {
        Transaction t = engine.begin();
        List<Object> ids = new ArrayList<>();
        try (RowScan scan = t.table("public", "p1").scan()) {
            while (scan.next()) {
                ids.add(scan.row()[0]);
            }
        }
        t.rollback();
        return ids;
    }

    @Test
    void a_duplicate_names_the_constraint_and_the_key_as_postgres_does() throws IOException {
        StorageEngine engine = withP1(start());
        PgException single = insertFails(engine, 2, "x", 1, 2);
        assertEquals(SqlState.UNIQUE_VIOLATION, single.sqlState());
        assertEquals("duplicate key value violates unique constraint \"p1_e_key\"", single.getMessage());
        assertEquals("Key (e)=(x) already exists.", single.detail());
        PgException pair = insertFails(engine, 3, "y", 1, 1);
        assertEquals("duplicate key value violates unique constraint \"p1_a_b_key\"", pair.getMessage());
        assertEquals("Key (a, b)=(1, 1) already exists.", pair.detail());
        PgException key = insertFails(engine, 1, "z", 5, 5);
        assertEquals("duplicate key value violates unique constraint \"p1_pkey\"", key.getMessage());
        assertEquals(List.of(1), ids(engine), "no failed row is left behind in the table");
        insert(engine, 2, "y", 1, 2);
        assertEquals(List.of(1, 2), ids(engine), "the failed inserts left no key in any index");
    }

    @Test
    void keys_with_a_null_never_clash() throws IOException {
        StorageEngine engine = withP1(start());
        insert(engine, 4, null, null, 1);
        insert(engine, 5, null, null, 1);
        insert(engine, 6, null, 1, null);
        insert(engine, 7, null, 1, null);
        assertEquals(List.of(1, 4, 5, 6, 7), ids(engine));
    }

    @Test
    void an_update_to_a_taken_key_fails_and_a_freed_key_can_be_taken() throws IOException {
        StorageEngine engine = withP1(start());
        insert(engine, 2, "y", 2, 2);
        Transaction t = engine.begin();
        long second = rowId(t, 2);
        PgException e = assertThrows(PgException.class,
                () -> t.table("public", "p1").update(second, new Object[] {2, "x", 2, 2}));
        assertEquals("duplicate key value violates unique constraint \"p1_e_key\"", e.getMessage());
        t.rollback();

        Transaction freeing = engine.begin();
        freeing.table("public", "p1").update(rowId(freeing, 1), new Object[] {1, "moved", 1, 1});
        freeing.table("public", "p1").update(rowId(freeing, 2), new Object[] {2, "x", 2, 2});
        freeing.commit();
        PgException again = insertFails(engine, 3, "moved", 3, 3);
        assertEquals("Key (e)=(moved) already exists.", again.detail());
    }

    @Test
    void an_inserter_waits_for_a_running_holder_of_the_key_and_goes_on_when_it_rolls_back() throws Exception {
        StorageEngine engine = withP1(start());
        Transaction holder = engine.begin();
        holder.table("public", "p1").insert(new Object[] {2, "held", 2, 2});
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> insert(engine, 3, "held", 3, 3), threads);
        assertThrows(TimeoutException.class, () -> waiter.get(200, TimeUnit.MILLISECONDS));
        holder.rollback();
        waiter.get(10, TimeUnit.SECONDS);

        Transaction second = engine.begin();
        second.table("public", "p1").insert(new Object[] {4, "again", 4, 4});
        CompletableFuture<Void> loser = CompletableFuture.runAsync(() -> insert(engine, 5, "again", 5, 5), threads);
        assertThrows(TimeoutException.class, () -> loser.get(200, TimeUnit.MILLISECONDS));
        second.commit();
        ExecutionException e = assertThrows(ExecutionException.class, () -> loser.get(10, TimeUnit.SECONDS));
        assertEquals("duplicate key value violates unique constraint \"p1_e_key\"", e.getCause().getMessage());
        assertEquals(List.of(1, 3, 4), ids(engine));
    }

    @Test
    void constraints_and_their_indexes_survive_a_crash_and_a_checkpoint() throws IOException {
        StorageEngine engine = withP1(start());
        insert(engine, 2, "y", 2, 2);
        StorageEngine recovered = restartAfterCrash(engine);
        assertEquals(p1().constraints(), recovered.catalog().table("public", "p1").orElseThrow().constraints());
        assertEquals("p1_a_b_key", insertFails(recovered, 3, "z", 2, 2).getMessage().replaceAll(".*\"(.*)\"", "$1"));
        assertTrue(recovered.checkpoint());
        StorageEngine again = restartAfterCrash(recovered);
        assertEquals(p1().constraints(), again.catalog().table("public", "p1").orElseThrow().constraints());
        assertEquals("Key (e)=(y) already exists.", insertFails(again, 3, "y", 3, 3).detail());
    }

    private static long rowId(Transaction t, int id) {
        try (RowScan scan = t.table("public", "p1").lookup(new Object[] {id})) {
            assertTrue(scan.next(), "row " + id);
            return scan.rowId();
        }
    }
}
