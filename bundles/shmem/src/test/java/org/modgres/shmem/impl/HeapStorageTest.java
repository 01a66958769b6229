package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.RowScan;
import org.modgres.api.storage.TableAccess;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.Transaction;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** Row values live in heap pages: vacuum gives the space of dead versions back, and long rows still work. */
class HeapStorageTest {

    private static final int ROWS = 200;

    private final StorageEngine engine = StorageEngine.inMemory();
    private final SharedStorageImpl storage = new SharedStorageImpl(engine);

    private TupleHeap heapOf(String name) {
        return ((MemoryCatalog) engine.catalog()).lookup("public", name).rows().heap();
    }

    private void createItems() {
        Transaction t = storage.begin();
        t.createTable(new TableDefinition("public", "items",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true),
                        new ColumnInfo("note", ColumnType.of(PgType.TEXT), false)),
                List.of(0)));
        TableAccess items = t.table("public", "items");
        for (int id = 0; id < ROWS; id++) {
            items.insert(new Object[] {id, note(id, 0)});
        }
        t.commit();
    }

    private static String note(int id, int round) {
        return ("row " + id + " round " + round + " ").repeat(12);
    }

    @Test
    void vacuum_frees_the_tuples_of_dead_versions_for_new_ones() {
        createItems();
        int loaded = heapOf("items").blocks();
        for (int round = 1; round <= 30; round++) {
            Transaction t = storage.begin();
            TableAccess items = t.table("public", "items");
            try (RowScan scan = items.scan()) {
                while (scan.next()) {
                    int id = (Integer) scan.row()[0];
                    items.update(scan.rowId(), new Object[] {id, note(id, round)});
                }
            }
            t.commit();
            storage.vacuum("public", "items");
        }
        int blocks = heapOf("items").blocks();
        assertTrue(blocks <= loaded * 4, "the heap reuses freed tuples: " + loaded + " pages loaded, " + blocks
                + " after 30 rounds of updates");
        Transaction t = storage.begin();
        int seen = 0;
        try (RowScan scan = t.table("public", "items").scan()) {
            while (scan.next()) {
                int id = (Integer) scan.row()[0];
                assertArrayEquals(new Object[] {id, note(id, 30)}, scan.row());
                seen++;
            }
        }
        assertEquals(ROWS, seen);
    }

    @Test
    void the_files_of_dropped_tables_and_replaced_layouts_are_deleted_by_vacuum() {
        createItems();
        TupleHeap loaded = heapOf("items");
        Transaction alter = storage.begin();
        alter.addColumn("public", "items", new ColumnInfo("extra", ColumnType.of(PgType.INT4), false), null);
        alter.commit();
        TupleHeap rewritten = heapOf("items");
        Transaction drop = storage.begin();
        drop.dropTable("public", "items");
        drop.commit();
        // a later transaction moves the horizon past the drop
        Transaction later = storage.begin();
        later.createTable(new TableDefinition("public", "other",
                List.of(new ColumnInfo("id", ColumnType.of(PgType.INT4), true)), List.of(0)));
        later.commit();
        storage.vacuum("public", "other");
        assertTrue(loaded.isDropped() && rewritten.isDropped(), "both layouts' files are deleted");
    }

    @Test
    void rows_longer_than_a_page_and_rolled_back_inserts_work() {
        createItems();
        String longNote = "x".repeat(20_000);
        Transaction t = storage.begin();
        t.table("public", "items").insert(new Object[] {ROWS, longNote});
        t.commit();
        Transaction rolledBack = storage.begin();
        rolledBack.table("public", "items").insert(new Object[] {ROWS + 1, "gone"});
        rolledBack.rollback();
        Transaction reader = storage.begin();
        try (RowScan scan = reader.table("public", "items").lookup(new Object[] {ROWS})) {
            assertTrue(scan.next());
            assertEquals(longNote, scan.row()[1]);
        }
        try (RowScan scan = reader.table("public", "items").lookup(new Object[] {ROWS + 1})) {
            assertTrue(!scan.next());
        }
    }
}
