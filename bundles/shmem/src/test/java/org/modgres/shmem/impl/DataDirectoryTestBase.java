package org.modgres.shmem.impl;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/**
 * Tests against a storage engine on a data directory of their own, which they crash and open again:
 * the engines a test opened are crashed after it, and accounts(id, balance) is the usual table.
 */
abstract class DataDirectoryTestBase {

    @TempDir
    Path data;

    protected final List<StorageEngine> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws IOException {
        for (StorageEngine engine : open) {
            engine.crash();
        }
    }

    protected StorageEngine start() throws IOException {
        return start(StorageSettings.defaults(data));
    }

    protected StorageEngine start(StorageSettings settings) throws IOException {
        StorageEngine engine = StorageEngine.open(settings);
        open.add(engine);
        return engine;
    }

    protected StorageEngine restartAfterCrash(StorageEngine engine) throws IOException {
        engine.crash();
        return start();
    }

    protected static TableDefinition accounts() {
        return new TableDefinition("public", "accounts",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                        new ColumnInfo("balance", ColumnType.numeric(10, 2), false)),
                List.of(0));
    }

    protected static List<Object[]> rows(StorageEngine engine, String table) {
        Transaction t = engine.begin();
        List<Object[]> rows = new ArrayList<>();
        try (RowScan scan = t.table("public", table).scan()) {
            while (scan.next()) {
                rows.add(scan.row());
            }
        }
        t.commit();
        return rows;
    }

    protected static long rowId(StorageEngine engine, String table, int id) {
        Transaction t = engine.begin();
        try (RowScan scan = t.table("public", table).scan()) {
            while (scan.next()) {
                if (scan.row()[0].equals(id)) {
                    return scan.rowId();
                }
            }
        } finally {
            t.commit();
        }
        throw new AssertionError("no row " + id);
    }

    protected static void insert(StorageEngine engine, int... ids) {
        Transaction t = engine.begin();
        TableAccess table = t.table("public", "accounts");
        for (int id : ids) {
            table.insert(new Object[] {id, new BigDecimal(id + ".00")});
        }
        t.commit();
    }
}
