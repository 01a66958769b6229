package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** A transaction whose log records outgrow their memory batch keeps them in pgsql_tmp until commit. */
class LargeTransactionTest extends DataDirectoryTestBase {

    private static final String FILLER = "x".repeat(500);
    /** Rows of about 520 bytes of records each: more than a spill threshold's worth. */
    private static final int ROWS_PAST_THRESHOLD = RedoWriter.SPILL_THRESHOLD / 500 + 1_000;

    private static void createBig(StorageEngine engine) {
        Transaction setup = engine.begin();
        setup.createTable(new TableDefinition("public", "big", List.of(
                new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                new ColumnInfo("filler", ColumnType.of(PgType.TEXT), false)), List.of(0)));
        setup.commit();
    }

    private static void insertRange(TableAccess table, int from, int to) {
        for (int i = from; i < to; i++) {
            table.insert(new Object[] {i, FILLER});
        }
    }

    private long spillFiles() throws IOException {
        Path directory = data.resolve("pgsql_tmp");
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }

    @Test
    void spilled_records_and_a_savepoint_rolled_back_into_them_survive_a_crash() throws IOException {
        StorageEngine engine = start();
        createBig(engine);
        Transaction load = engine.begin();
        TableAccess big = load.table("public", "big");
        insertRange(big, 0, ROWS_PAST_THRESHOLD);
        assertEquals(1, spillFiles(), "the records went to a file");
        long savepoint = load.savepoint();
        insertRange(big, 1_000_000, 1_000_000 + 2 * ROWS_PAST_THRESHOLD);
        load.rollbackTo(savepoint);
        insertRange(big, 2_000_000, 2_000_100);
        load.commit();
        assertEquals(0, spillFiles(), "the file is gone once the records are in the log");

        StorageEngine recovered = restartAfterCrash(engine);
        List<Object[]> rows = rows(recovered, "big");
        assertEquals(ROWS_PAST_THRESHOLD + 100, rows.size());
        assertTrue(rows.stream().noneMatch(r -> (int) r[0] >= 1_000_000 && (int) r[0] < 2_000_000),
                "the rows after the savepoint are not replayed");
        assertEquals(FILLER, rows.getLast()[1]);
    }

    @Test
    void a_large_transaction_rolled_back_leaves_no_file_and_nothing_to_replay() throws IOException {
        StorageEngine engine = start();
        createBig(engine);
        Transaction load = engine.begin();
        insertRange(load.table("public", "big"), 0, ROWS_PAST_THRESHOLD);
        assertEquals(1, spillFiles());
        load.rollback();
        assertEquals(0, spillFiles());

        StorageEngine recovered = restartAfterCrash(engine);
        assertEquals(0, rows(recovered, "big").size());
    }

    @Test
    void files_a_crashed_server_left_behind_are_removed_at_start() throws IOException {
        StorageEngine engine = start();
        createBig(engine);
        Transaction load = engine.begin();
        insertRange(load.table("public", "big"), 0, ROWS_PAST_THRESHOLD);
        assertEquals(1, spillFiles());
        StorageEngine recovered = restartAfterCrash(engine);
        assertEquals(0, spillFiles());
        assertEquals(0, rows(recovered, "big").size());
    }
}
