package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** Committed work survives a crash (the engine dropped without a checkpoint) and a restart; nothing else does. */
class DurabilityTest extends DataDirectoryTestBase {

    @Test
    void an_added_primary_key_and_a_savepoint_rollback_survive_a_crash_and_a_checkpoint() throws IOException {
        StorageEngine engine = start();
        Transaction ddl = engine.begin();
        ddl.createTable(new TableDefinition("public", "plain", List.of(new ColumnInfo("k", ColumnType.of(PgType.INT4),
                false)), List.of()));
        ddl.table("public", "plain").insert(new Object[] {1});
        long savepoint = ddl.savepoint();
        ddl.table("public", "plain").insert(new Object[] {1});
        ddl.rollbackTo(savepoint);
        ddl.addPrimaryKey("public", "plain", List.of("k"));
        ddl.commit();

        StorageEngine recovered = restartAfterCrash(engine);
        assertEquals(List.of(0), recovered.catalog().table("public", "plain").orElseThrow().primaryKey());
        assertEquals(1, rows(recovered, "plain").size(), "the row inserted after the savepoint is not replayed");
        assertTrue(recovered.checkpoint());
        StorageEngine again = restartAfterCrash(recovered);
        assertEquals(List.of(0), again.catalog().table("public", "plain").orElseThrow().primaryKey());
        Transaction t = again.begin();
        PgException e = assertThrows(PgException.class, () -> t.table("public", "plain").insert(new Object[] {1}));
        assertEquals(SqlState.UNIQUE_VIOLATION, e.sqlState());
        t.rollback();
    }

    @Test
    void create_insert_update_delete_and_drop_survive_a_crash() throws IOException {
        StorageEngine engine = start();
        Transaction ddl = engine.begin();
        TableInfo created = ddl.createTable(accounts());
        ddl.createTable(new TableDefinition("public", "scratch", List.of(new ColumnInfo("x", ColumnType.of(PgType.TEXT),
                false)), List.of()));
        ddl.commit();
        insert(engine, 1, 2, 3);
        Transaction change = engine.begin();
        TableAccess table = change.table("public", "accounts");
        table.update(rowId(engine, "accounts", 2), new Object[] {2, new BigDecimal("20.50")});
        assertTrue(table.delete(rowId(engine, "accounts", 3)));
        change.commit();
        Transaction drop = engine.begin();
        drop.dropTable("public", "scratch");
        drop.commit();

        StorageEngine recovered = restartAfterCrash(engine);

        assertEquals(created, recovered.catalog().table("public", "accounts").orElseThrow());
        assertTrue(recovered.catalog().table("public", "scratch").isEmpty());
        List<Object[]> rows = rows(recovered, "accounts");
        assertEquals(2, rows.size());
        assertArrayEquals(new Object[] {1, new BigDecimal("1.00")}, rows.get(0));
        assertArrayEquals(new Object[] {2, new BigDecimal("20.50")}, rows.get(1));
    }

    @Test
    void rolled_back_and_unfinished_transactions_never_come_back() throws IOException {
        StorageEngine engine = start();
        Transaction setup = engine.begin();
        setup.createTable(accounts());
        setup.commit();
        insert(engine, 1);

        Transaction rolledBack = engine.begin();
        rolledBack.table("public", "accounts").insert(new Object[] {2, null});
        rolledBack.createTable(new TableDefinition("public", "ghost", List.of(), List.of()));
        rolledBack.rollback();
        Transaction unfinished = engine.begin();
        unfinished.table("public", "accounts").insert(new Object[] {3, null});
        unfinished.table("public", "accounts").delete(rowId(engine, "accounts", 1));

        StorageEngine recovered = restartAfterCrash(engine);

        List<Object[]> rows = rows(recovered, "accounts");
        assertEquals(1, rows.size());
        assertEquals(1, rows.get(0)[0]);
        assertTrue(recovered.catalog().table("public", "ghost").isEmpty());
    }

    @Test
    void row_ids_oids_and_transaction_ids_stay_unique_across_restarts() throws IOException {
        StorageEngine engine = start();
        Transaction setup = engine.begin();
        TableInfo first = setup.createTable(accounts());
        setup.commit();
        insert(engine, 1, 2);
        long lastXid = engine.begin().id();
        Transaction rolledBack = engine.begin();
        rolledBack.table("public", "accounts").insert(new Object[] {3, null});
        rolledBack.rollback();
        Set<Long> idsBefore = new HashSet<>(List.of(rowId(engine, "accounts", 1), rowId(engine, "accounts", 2)));

        StorageEngine recovered = restartAfterCrash(engine);
        assertTrue(recovered.begin().id() > lastXid - 1);
        insert(recovered, 4);
        assertFalse(idsBefore.contains(rowId(recovered, "accounts", 4)));
        Transaction t = recovered.begin();
        TableInfo second = t.createTable(new TableDefinition("public", "second", List.of(), List.of()));
        t.commit();
        assertTrue(second.oid() > first.oid());

        recovered.checkpoint();
        StorageEngine again = restartAfterCrash(recovered);
        insert(again, 5);
        Set<Long> all = new HashSet<>();
        for (int id : new int[] {1, 2, 4, 5}) {
            assertTrue(all.add(rowId(again, "accounts", id)));
        }
        Transaction u = again.begin();
        assertTrue(u.createTable(new TableDefinition("public", "third", List.of(), List.of())).oid() > second.oid());
        u.commit();
    }

    @Test
    void a_torn_last_commit_is_lost_alone_and_the_log_goes_on_after_it() throws IOException {
        StorageEngine engine = start();
        Transaction setup = engine.begin();
        setup.createTable(accounts());
        setup.commit();
        insert(engine, 1);
        insert(engine, 2);
        engine.crash();
        open.remove(engine);
        Path segment = data.resolve("pg_wal/0000000000000000");
        tearLastRecord(segment, 5);

        StorageEngine recovered = start();
        assertEquals(List.of(1), rows(recovered, "accounts").stream().map(r -> r[0]).toList());
        insert(recovered, 3);

        StorageEngine again = restartAfterCrash(recovered);
        assertEquals(List.of(1, 3), rows(again, "accounts").stream().map(r -> r[0]).toList());
    }

    @Test
    void values_of_every_type_survive_the_log_and_a_checkpoint() throws IOException {
        List<ColumnInfo> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        Object[][] samples = {
            {PgType.BOOL, true}, {PgType.INT2, (short) -3}, {PgType.INT8, 1L << 50}, {PgType.FLOAT4, 1.5f},
            {PgType.FLOAT8, Math.PI}, {PgType.TEXT, "héllo"}, {PgType.BYTEA, new byte[] {1, 2}},
            {PgType.DATE, LocalDate.of(2000, 2, 29)}, {PgType.UUID, new UUID(1, 2)},
            {PgType.TIMESTAMPTZ, OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-7))},
        };
        for (Object[] sample : samples) {
            columns.add(new ColumnInfo("c" + columns.size(), ColumnType.of((PgType) sample[0]), false));
            values.add(sample[1]);
        }
        StorageEngine engine = start();
        Transaction t = engine.begin();
        t.createTable(new TableDefinition("public", "types", columns, List.of()));
        t.table("public", "types").insert(values.toArray());
        t.table("public", "types").insert(new Object[columns.size()]);
        t.commit();

        StorageEngine fromLog = restartAfterCrash(engine);
        fromLog.checkpoint();
        StorageEngine fromCheckpoint = restartAfterCrash(fromLog);
        List<Object[]> rows = rows(fromCheckpoint, "types");
        assertArrayEquals(values.toArray(), rows.get(0));
        assertArrayEquals(new Object[columns.size()], rows.get(1));
    }

    @Test
    void concurrent_committers_are_all_durable() throws Exception {
        StorageEngine engine = start();
        Transaction setup = engine.begin();
        setup.createTable(accounts());
        setup.commit();
        int threads = 8;
        int perThread = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    insert(engine, thread * perThread + i);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        StorageEngine recovered = restartAfterCrash(engine);
        Set<Object> ids = new HashSet<>();
        for (Object[] row : rows(recovered, "accounts")) {
            ids.add(row[0]);
        }
        assertEquals(threads * perThread, ids.size());
    }

    @Test
    void checkpoints_under_concurrent_commits_and_rollbacks_lose_nothing() throws Exception {
        StorageEngine engine = start();
        Transaction setup = engine.begin();
        setup.createTable(accounts());
        setup.commit();
        int threads = 4;
        int perThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Integer>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                List<Integer> committed = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    int id = thread * perThread + i;
                    Transaction tx = engine.begin();
                    tx.table("public", "accounts").insert(new Object[] {id, null});
                    if (i % 3 == 0) {
                        tx.rollback();
                    } else {
                        tx.commit();
                        committed.add(id);
                    }
                }
                return committed;
            }));
        }
        while (futures.stream().anyMatch(f -> !f.isDone())) {
            engine.checkpoint();
        }
        Set<Object> expected = new HashSet<>();
        for (Future<List<Integer>> f : futures) {
            expected.addAll(f.get());
        }
        pool.shutdown();

        StorageEngine recovered = restartAfterCrash(engine);
        Set<Object> ids = new HashSet<>();
        for (Object[] row : rows(recovered, "accounts")) {
            ids.add(row[0]);
        }
        assertEquals(expected, ids);
    }

    @Test
    void a_second_server_on_the_same_directory_is_refused() throws IOException {
        start();
        IOException e = assertThrows(IOException.class, this::start);
        assertTrue(e.getMessage().startsWith("lock file \"postmaster.pid\" already exists"), e.getMessage());
        assertTrue(e.getMessage().contains("PID " + ProcessHandle.current().pid()), e.getMessage());
    }

    @Test
    void the_data_directory_is_free_again_after_a_crash() throws IOException {
        StorageEngine engine = start();
        engine.crash();
        start();
        assertTrue(Files.readString(data.resolve("postmaster.pid")).startsWith(ProcessHandle.current().pid() + "\n"));
    }

    /** Zeros the last bytes written to a segment, which is full-size with zeros after the log's end. */
    private static void tearLastRecord(Path segment, int bytes) throws IOException {
        byte[] content = Files.readAllBytes(segment);
        int last = content.length - 1;
        while (last >= 0 && content[last] == 0) {
            last--;
        }
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(bytes), last + 1 - bytes);
        }
    }
}
