package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;
import org.modgres.shmem.impl.wal.FileWriteAheadLog;
import org.modgres.shmem.impl.wal.LogReader;
import org.modgres.shmem.impl.wal.RecordBatch;

/** Recovery applies exactly the transactions whose commit record it reads, from logs written record by record. */
class RecoveryTest {

    private static final TableInfo ITEMS = new TableInfo(16384, "public", "items",
            List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true)), List.of(0));

    @TempDir
    Path data;

    private FileWriteAheadLog log() throws IOException {
        return new FileWriteAheadLog(data.resolve("pg_wal"), 16L << 20, Duration.ofMillis(200));
    }

    private List<Object> ids(StorageEngine engine) {
        Transaction t = engine.begin();
        List<Object> ids = new ArrayList<>();
        try (RowScan scan = t.table("public", "items").scan()) {
            while (scan.next()) {
                ids.add(scan.row()[0]);
            }
        }
        t.commit();
        return ids;
    }

    @Test
    void only_committed_transactions_are_applied_and_the_log_is_cut_after_the_last_complete_one() throws IOException {
        MemoryTable items = new MemoryTable(ITEMS, Heaps.inMemory());
        long completeEnd;
        try (FileWriteAheadLog log = log()) {
            log.truncate(0);
            RedoWriter create = new RedoWriter(1, null);
            create.createTable(ITEMS);
            create.insert(items, 1, new Object[] {10});
            log.append(create.commit(0));

            RedoWriter aborted = new RedoWriter(2, null);
            aborted.insert(items, 2, new Object[] {20});
            log.append(aborted.abort());

            RedoWriter committed = new RedoWriter(3, null);
            committed.insert(items, 3, new Object[] {30});
            RecordBatch commit = committed.commit(0);
            completeEnd = log.append(commit);

            RedoWriter unfinished = new RedoWriter(4, null);
            unfinished.insert(items, 4, new Object[] {40});
            unfinished.delete(items, 1);
            log.force(log.append(batchWithoutCommit(unfinished)));
        }

        try (StorageEngine engine = StorageEngine.open(StorageSettings.defaults(data))) {
            assertEquals(List.of(10, 30), ids(engine));
            assertTrue(engine.begin().id() > 4, "transaction ids continue after the log's");
            Transaction t = engine.begin();
            t.table("public", "items").insert(new Object[] {50});
            t.commit();
            engine.crash();
        }
        try (FileWriteAheadLog log = log(); LogReader reader = log.read(0)) {
            int records = 0;
            while (reader.next() != null) {
                records++;
            }
            assertEquals(7 + 2, records, "the unfinished transaction's records were cut off");
            assertTrue(reader.position() > completeEnd);
        }
        try (StorageEngine engine = StorageEngine.open(StorageSettings.defaults(data))) {
            assertEquals(List.of(10, 30, 50), ids(engine));
            engine.crash();
        }
    }

    /** The changes of a transaction the server died committing: its records without the commit record. */
    private static RecordBatch batchWithoutCommit(RedoWriter writer) {
        RecordBatch all = writer.commit(0);
        RecordBatch cut = new RecordBatch();
        int commitLength = 8 + 1 + 1 + 8;
        cut.writeBytes(all.array(), 0, all.size() - commitLength);
        return cut;
    }

    @Test
    void a_log_record_that_checks_but_does_not_decode_stops_the_start() throws IOException {
        try (FileWriteAheadLog log = log()) {
            log.truncate(0);
            RecordBatch garbage = new RecordBatch();
            garbage.beginRecord();
            garbage.writeByte(99);
            garbage.endRecord();
            log.force(log.append(garbage));
        }
        IOException e = assertThrows(IOException.class, () -> StorageEngine.open(StorageSettings.defaults(data)));
        assertTrue(e.getMessage().contains("unknown log record type 99"), e.getMessage());
        assertTrue(Files.exists(data.resolve("pg_wal/0000000000000000")), "the log is left for inspection");
        try (StorageEngine engine = StorageEngine.open(StorageSettings.defaults(data.resolve("elsewhere")))) {
            engine.crash();
        }
    }

    @Test
    void settings_follow_postgres_units() {
        assertEquals(300_000, StorageSettings.parseTime("checkpoint_timeout", "5min", 1000, 86_400_000));
        assertEquals(30_000, StorageSettings.parseTime("checkpoint_timeout", "30", 1000, 86_400_000));
        assertEquals(1L << 30, StorageSettings.parseSize("max_wal_size", "1GB", 0));
        assertEquals(64L << 20, StorageSettings.parseSize("max_wal_size", "64", 0));
        assertEquals(false, StorageSettings.parseSynchronousCommit("off"));
        assertEquals(true, StorageSettings.parseSynchronousCommit("remote_apply"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StorageSettings.parseTime("checkpoint_timeout", "5 parsecs", 1000, 86_400_000));
        assertTrue(e.getMessage().startsWith("invalid value for parameter \"checkpoint_timeout\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StorageSettings.parseSynchronousCommit("maybe"));
    }
}
