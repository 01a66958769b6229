package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableConstraint;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** ALTER TABLE's ADD, DROP and RENAME COLUMN and RENAME TO in the storage. */
class ColumnChangesTest extends DataDirectoryTestBase {

    private static final ColumnType INT = ColumnType.of(PgType.INT4);
    private static final ColumnType TEXT = ColumnType.of(PgType.TEXT);

    private static void createItems(Transaction t) {
        t.createTable(new TableDefinition("public", "items",
                List.of(new ColumnInfo("id", INT, true), new ColumnInfo("name", TEXT, false)), List.of(0)));
        t.table("public", "items").insert(new Object[] {1, "one"});
        t.table("public", "items").insert(new Object[] {2, "two"});
    }

    private static List<List<Object>> values(StorageEngine engine, String table) {
        return rows(engine, table).stream().map(java.util.Arrays::asList).toList();
    }

    @Test
    void added_and_dropped_columns_survive_a_crash_and_a_checkpoint() throws IOException {
        StorageEngine engine = start();
        Transaction t = engine.begin();
        createItems(t);
        t.commit();
        Transaction alter = engine.begin();
        alter.table("public", "items").insert(new Object[] {3, "three"});
        alter.addColumn("public", "items", new ColumnInfo("qty", INT, false), 7);
        alter.table("public", "items").insert(new Object[] {4, "four", 9});
        alter.dropColumn("public", "items", "name", List.of(), false);
        alter.commit();

        List<List<Object>> expected = List.of(List.of(1, 7), List.of(2, 7), List.of(3, 7), List.of(4, 9));
        assertEquals(expected, values(engine, "items"));
        StorageEngine recovered = restartAfterCrash(engine);
        assertEquals(List.of("id", "qty"), recovered.catalog().table("public", "items").orElseThrow().columns()
                .stream().map(ColumnInfo::name).toList());
        assertEquals(expected, values(recovered, "items"));
        assertTrue(recovered.checkpoint());
        StorageEngine again = restartAfterCrash(recovered);
        assertEquals(expected, values(again, "items"));
        Transaction duplicate = again.begin();
        PgException e = assertThrows(PgException.class,
                () -> duplicate.table("public", "items").insert(new Object[] {1, 0}));
        assertEquals(SqlState.UNIQUE_VIOLATION, e.sqlState());
        duplicate.rollback();
    }

    @Test
    void a_rollback_brings_the_old_layout_and_names_back() throws IOException {
        StorageEngine engine = start();
        Transaction t = engine.begin();
        createItems(t);
        t.commit();
        TableInfo before = engine.catalog().table("public", "items").orElseThrow();

        Transaction alter = engine.begin();
        alter.table("public", "items").insert(new Object[] {3, "three"});
        alter.addColumn("public", "items", new ColumnInfo("qty", INT, false), null);
        alter.dropColumn("public", "items", "name", List.of(), false);
        alter.renameColumn("public", "items", "qty", "amount", Map.of());
        alter.renameTable("public", "items", "goods");
        assertTrue(engine.catalog().table("public", "items").isEmpty());
        alter.rollback();

        assertEquals(before, engine.catalog().table("public", "items").orElseThrow());
        assertEquals(List.of(List.of(1, "one"), List.of(2, "two")), values(engine, "items"));
        assertTrue(engine.checkpoint());
        assertEquals(List.of(List.of(1, "one"), List.of(2, "two")), values(restartAfterCrash(engine), "items"));
    }

    @Test
    void dropping_a_column_drops_what_uses_it_and_asks_for_cascade_for_other_tables() throws IOException {
        StorageEngine engine = start();
        Transaction t = engine.begin();
        t.createTable(new TableDefinition("public", "parent", List.of(new ColumnInfo("id", INT, true),
                new ColumnInfo("code", INT, false), new ColumnInfo("note", TEXT, false)), List.of(0),
                List.of(new TableConstraint.Unique("parent_code_key", List.of(1)),
                        new TableConstraint.Check("parent_note_check", "note <> ''"))));
        t.createTable(new TableDefinition("public", "child", List.of(new ColumnInfo("code", INT, false)), List.of(),
                List.of(new TableConstraint.ForeignKey("child_code_fkey", List.of(0), "public", "parent", List.of(1),
                        TableConstraint.Action.NO_ACTION, TableConstraint.Action.NO_ACTION))));
        PgException needed = assertThrows(PgException.class,
                () -> t.dropColumn("public", "parent", "code", List.of(), false));
        assertEquals(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, needed.sqlState());
        assertEquals("constraint child_code_fkey on table child depends on column code of table parent",
                needed.detail());

        assertEquals(List.of("constraint child_code_fkey on table child"),
                t.dropColumn("public", "parent", "code", List.of(), true));
        TableInfo parent = engine.catalog().table("public", "parent").orElseThrow();
        assertEquals(List.of("parent_note_check"), parent.constraints().stream().map(TableConstraint::name).toList());
        assertTrue(engine.catalog().table("public", "child").orElseThrow().constraints().isEmpty());
        t.dropColumn("public", "parent", "note", List.of("parent_note_check"), false);
        assertTrue(engine.catalog().table("public", "parent").orElseThrow().constraints().isEmpty());
        assertEquals(List.of(0), engine.catalog().table("public", "parent").orElseThrow().primaryKey());
        PgException missing = assertThrows(PgException.class,
                () -> t.dropColumn("public", "parent", "nothing", List.of(), false));
        assertEquals(SqlState.UNDEFINED_COLUMN, missing.sqlState());
        PgException taken = assertThrows(PgException.class,
                () -> t.addColumn("public", "parent", new ColumnInfo("id", INT, false), null));
        assertEquals(SqlState.DUPLICATE_COLUMN, taken.sqlState());
        t.rollback();
    }

    @Test
    void a_rewrite_waits_for_other_writers_and_later_writers_wait_for_it() throws Exception {
        StorageEngine engine = start();
        Transaction setup = engine.begin();
        createItems(setup);
        setup.commit();

        Transaction writer = engine.begin();
        writer.table("public", "items").insert(new Object[] {3, "three"});
        Transaction alter = engine.begin();
        CompletableFuture<TableInfo> added = CompletableFuture.supplyAsync(
                () -> alter.addColumn("public", "items", new ColumnInfo("qty", INT, false), 0));
        Thread.sleep(200);
        assertFalse(added.isDone(), "the rewrite waits for the running writer of the table");
        writer.commit();
        added.get(10, TimeUnit.SECONDS);

        Transaction later = engine.begin();
        CompletableFuture<Void> inserted = CompletableFuture.runAsync(
                () -> later.table("public", "items").insert(new Object[] {4, "four", 1}));
        Thread.sleep(200);
        assertFalse(inserted.isDone(), "a writer waits for the transaction that rewrote the table");
        alter.commit();
        inserted.get(10, TimeUnit.SECONDS);
        later.commit();
        assertArrayEquals(new Object[] {4, "four", 1}, values(engine, "items").get(3).toArray());
    }
}
