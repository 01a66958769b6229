package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** Checkpoints write what is committed, leave out what is not, and bound the log. */
class CheckpointTest extends DataDirectoryTestBase {

    @Test
    void a_checkpoint_then_later_log_records_are_both_recovered() throws IOException {
        StorageEngine engine = start();
        Transaction setup = engine.begin();
        setup.createTable(accounts());
        setup.commit();
        insert(engine, 1, 2);
        assertTrue(engine.checkpoint());
        insert(engine, 3);
        Transaction t = engine.begin();
        t.table("public", "accounts").delete(rowId(engine, "accounts", 1));
        t.commit();

        StorageEngine recovered = restartAfterCrash(engine);

        assertEquals(List.of(2, 3), rows(recovered, "accounts").stream().map(r -> r[0]).toList());
        assertTrue(Files.exists(data.resolve("global/pg_control")));
    }

    @Test
    void a_checkpoint_leaves_out_what_active_transactions_did() throws IOException {
        StorageEngine engine = start();
        Transaction setup = engine.begin();
        setup.createTable(accounts());
        setup.createTable(new TableDefinition("public", "doomed", List.of(), List.of()));
        setup.commit();
        insert(engine, 1, 2);

        Transaction active = engine.begin();
        TableAccess table = active.table("public", "accounts");
        table.insert(new Object[] {3, null});
        table.update(rowId(engine, "accounts", 1), new Object[] {1, new BigDecimal("99.00")});
        table.delete(rowId(engine, "accounts", 2));
        active.createTable(new TableDefinition("public", "fresh", List.of(), List.of()));
        active.dropTable("public", "doomed");
        assertTrue(engine.checkpoint());

        StorageEngine recovered = restartAfterCrash(engine);

        List<Object[]> rows = rows(recovered, "accounts");
        assertEquals(2, rows.size());
        assertArrayEquals(new Object[] {1, new BigDecimal("1.00")}, rows.get(0));
        assertArrayEquals(new Object[] {2, new BigDecimal("2.00")}, rows.get(1));
        assertTrue(recovered.catalog().table("public", "fresh").isEmpty());
        assertTrue(recovered.catalog().table("public", "doomed").isPresent());
    }

    @Test
    void a_transaction_active_at_a_checkpoint_and_committed_after_it_is_recovered() throws IOException {
        StorageEngine engine = start();
        Transaction setup = engine.begin();
        setup.createTable(accounts());
        setup.commit();
        insert(engine, 1);

        Transaction spanning = engine.begin();
        spanning.table("public", "accounts").insert(new Object[] {2, null});
        assertTrue(engine.checkpoint());
        spanning.table("public", "accounts").insert(new Object[] {3, null});
        spanning.commit();

        StorageEngine recovered = restartAfterCrash(engine);

        assertEquals(List.of(1, 2, 3), rows(recovered, "accounts").stream().map(r -> r[0]).toList());
    }

    @Test
    void a_clean_shutdown_checkpoints_and_leaves_nothing_to_replay() throws IOException {
        StorageEngine engine = start();
        Transaction setup = engine.begin();
        setup.createTable(accounts());
        setup.commit();
        insert(engine, 1, 2, 3);
        engine.close();
        open.remove(engine);

        StorageEngine reopened = start();
        assertEquals(3, rows(reopened, "accounts").size());
        try (Stream<Path> segments = Files.list(data.resolve("pg_wal"))) {
            assertTrue(segments.allMatch(s -> s.toFile().length() <= 16L << 20));
        }
        assertFalse(reopened.checkpoint(), "nothing logged since the shutdown checkpoint");
    }

    @Test
    void unchanged_tables_keep_their_checkpoint_file() throws IOException {
        StorageEngine engine = start();
        Transaction setup = engine.begin();
        setup.createTable(accounts());
        setup.createTable(new TableDefinition("public", "other", List.of(new ColumnInfo("x", ColumnType.of(PgType.INT4),
                false)), List.of()));
        setup.commit();
        insert(engine, 1);
        engine.checkpoint();
        TableInfo other = engine.catalog().table("public", "other").orElseThrow();
        assertTrue(Files.exists(data.resolve("base/" + other.oid() + ".1")));

        insert(engine, 2);
        engine.checkpoint();

        assertTrue(Files.exists(data.resolve("base/" + other.oid() + ".1")), "unchanged: kept");
        TableInfo accounts = engine.catalog().table("public", "accounts").orElseThrow();
        assertTrue(Files.exists(data.resolve("base/" + accounts.oid() + ".2")));
        assertFalse(Files.exists(data.resolve("base/" + accounts.oid() + ".1")), "changed: rewritten");
        assertFalse(Files.exists(data.resolve("base/catalog.1")));

        StorageEngine recovered = restartAfterCrash(engine);
        assertEquals(2, rows(recovered, "accounts").size());
        assertTrue(recovered.catalog().table("public", "other").isPresent());
    }

    @Test
    void the_log_grown_beyond_max_wal_size_starts_a_checkpoint() throws Exception {
        StorageEngine engine = start(new StorageSettings(data, Duration.ofHours(1), 64 << 10, true, 1 << 20,
                Duration.ofMillis(200)));
        Transaction setup = engine.begin();
        setup.createTable(accounts());
        setup.commit();
        for (int i = 0; i < 100; i++) {
            insert(engine, IntStream.range(i * 50, i * 50 + 50).toArray());
        }
        awaitCheckpoint();
    }

    @Test
    void checkpoints_are_taken_every_checkpoint_timeout() throws Exception {
        StorageEngine engine = start(new StorageSettings(data, Duration.ofMillis(100), 1L << 30, true, 1 << 20,
                Duration.ofMillis(200)));
        Transaction setup = engine.begin();
        setup.createTable(accounts());
        setup.commit();
        awaitCheckpoint();
    }

    private void awaitCheckpoint() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(data.resolve("global/pg_control")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(data.resolve("global/pg_control")));
    }
}
