package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableIndex;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** Indexes of CREATE INDEX: checked when made, kept unique, undone by rollback, durable. */
class IndexStorageTest extends DataDirectoryTestBase {

    private static final TableIndex UNIQUE_B = new TableIndex("t_b_key", List.of(1), true);

    private static StorageEngine withTable(StorageEngine engine) {
        Transaction t = engine.begin();
        t.createTable(new TableDefinition("public", "t", List.of(
                new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                new ColumnInfo("b", ColumnType.of(PgType.TEXT), false)), List.of(0)));
        t.table("public", "t").insert(new Object[] {1, "x"});
        t.table("public", "t").insert(new Object[] {2, "y"});
        t.commit();
        return engine;
    }

    private static PgException fails(StorageEngine engine, java.util.function.Consumer<Transaction> change) {
        Transaction t = engine.begin();
        try {
            return assertThrows(PgException.class, () -> change.accept(t));
        } finally {
            t.rollback();
        }
    }

    @Test
    void a_unique_index_refuses_existing_and_new_duplicates_and_a_rollback_takes_it_back() throws IOException {
        StorageEngine engine = withTable(start());
        Transaction t = engine.begin();
        t.table("public", "t").insert(new Object[] {3, "x"});
        PgException existing = assertThrows(PgException.class, () -> t.createIndex("public", "t", UNIQUE_B));
        assertEquals("could not create unique index \"t_b_key\"", existing.getMessage());
        assertEquals("Key (b)=(x) is duplicated.", existing.detail());
        t.rollback();

        Transaction rolledBack = engine.begin();
        rolledBack.createIndex("public", "t", UNIQUE_B);
        rolledBack.rollback();
        Transaction duplicate = engine.begin();
        duplicate.table("public", "t").insert(new Object[] {3, "x"});
        duplicate.rollback();

        Transaction made = engine.begin();
        made.createIndex("public", "t", UNIQUE_B);
        made.createIndex("public", "t", new TableIndex("t_b_idx", List.of(1), false));
        made.commit();
        PgException refused = fails(engine, tx -> tx.table("public", "t").insert(new Object[] {3, "x"}));
        assertEquals("duplicate key value violates unique constraint \"t_b_key\"", refused.getMessage());
        PgException taken = fails(engine, tx -> tx.createIndex("public", "t", new TableIndex("t", List.of(1), false)));
        assertEquals(SqlState.DUPLICATE_TABLE, taken.sqlState());
        PgException key = fails(engine, tx -> tx.dropIndex("public", "t_pkey"));
        assertEquals(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, key.sqlState());
        assertEquals(SqlState.UNDEFINED_OBJECT, fails(engine, tx -> tx.dropIndex("public", "nosuch")).sqlState());
    }

    @Test
    void indexes_survive_a_crash_and_a_checkpoint_and_a_drop_too() throws IOException {
        StorageEngine engine = withTable(start());
        Transaction t = engine.begin();
        t.createIndex("public", "t", UNIQUE_B);
        t.createIndex("public", "t", new TableIndex("t_b_idx", List.of(1), false));
        t.commit();
        StorageEngine recovered = restartAfterCrash(engine);
        assertEquals(List.of(UNIQUE_B, new TableIndex("t_b_idx", List.of(1), false)),
                recovered.catalog().table("public", "t").orElseThrow().indexes());
        assertEquals(SqlState.UNIQUE_VIOLATION,
                fails(recovered, tx -> tx.table("public", "t").insert(new Object[] {3, "y"})).sqlState());
        Transaction drop = recovered.begin();
        drop.dropIndex("public", "t_b_idx");
        drop.commit();
        assertTrue(recovered.checkpoint());
        StorageEngine again = restartAfterCrash(recovered);
        assertEquals(List.of(UNIQUE_B), again.catalog().table("public", "t").orElseThrow().indexes());
        assertEquals(SqlState.UNIQUE_VIOLATION,
                fails(again, tx -> tx.table("public", "t").insert(new Object[] {3, "y"})).sqlState());
    }
}
