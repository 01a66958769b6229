package org.modgres.shmem.impl.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

class CheckpointStoreTest {

    private static final TableInfo TABLE = new TableInfo(16384, "public", "t",
            List.of(new ColumnInfo("id", ColumnType.of(PgType.INT8), true),
                    new ColumnInfo("note", ColumnType.of(PgType.TEXT), false)),
            List.of(0));

    @TempDir
    Path data;

    private static RowSource rows(int count) {
        return sink -> {
            for (long id = 1; id <= count; id++) {
                sink.row(id * 3, new Object[] {id, id % 5 == 0 ? null : "row " + id});
            }
        };
    }

    @Test
    void tables_catalog_and_control_read_back() throws IOException {
        CheckpointStore store = new CheckpointStore(data);
        assertTrue(store.readControl().isEmpty());
        assertEquals(20_000, store.writeTable(1, TABLE, rows(20_000)));
        List<CatalogEntry> entries = List.of(new CatalogEntry(TABLE, 60_001, 1));
        store.writeCatalog(1, entries);
        ControlData control = new ControlData(1, 12345, 77, 16385, 1_700_000_000_000L);
        store.writeControl(control);

        assertEquals(control, store.readControl().orElseThrow());
        assertEquals(entries, store.readCatalog(1));
        List<Long> ids = new ArrayList<>();
        List<Object[]> read = new ArrayList<>();
        assertEquals(20_000, store.readTable(entries.get(0), (id, row) -> {
            ids.add(id);
            read.add(row);
        }));
        assertEquals(3L, ids.get(0));
        assertEquals(60_000L, ids.get(19_999));
        assertArrayEquals(new Object[] {5L, null}, read.get(4));
        assertArrayEquals(new Object[] {6L, "row 6"}, read.get(5));
    }

    @Test
    void a_damaged_table_file_is_an_error_naming_the_file() throws IOException {
        CheckpointStore store = new CheckpointStore(data);
        store.writeTable(1, TABLE, rows(100));
        Path file = data.resolve("base/16384.1");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {42}), channel.size() / 2);
        }
        IOException e = assertThrows(IOException.class,
                () -> store.readTable(new CatalogEntry(TABLE, 1, 1), (id, row) -> { }));
        assertTrue(e.getMessage().contains("16384.1"), e.getMessage());
    }

    @Test
    void a_cut_file_is_an_error() throws IOException {
        CheckpointStore store = new CheckpointStore(data);
        store.writeTable(1, TABLE, rows(100));
        Path file = data.resolve("base/16384.1");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 12);
        }
        assertThrows(IOException.class, () -> store.readTable(new CatalogEntry(TABLE, 1, 1), (id, row) -> { }));
    }

    @Test
    void files_no_checkpoint_uses_are_removed() throws IOException {
        CheckpointStore store = new CheckpointStore(data);
        store.writeTable(1, TABLE, rows(1));
        store.writeTable(2, TABLE, rows(2));
        store.writeCatalog(1, List.of(new CatalogEntry(TABLE, 4, 1)));
        List<CatalogEntry> current = List.of(new CatalogEntry(TABLE, 7, 2));
        store.writeCatalog(2, current);
        Files.writeString(data.resolve("base/16390.3.tmp"), "half written");
        Files.writeString(data.resolve("base/README"), "not ours");

        assertEquals(3, store.removeUnreferenced(2, current));
        assertTrue(Files.exists(data.resolve("base/16384.2")));
        assertTrue(Files.exists(data.resolve("base/catalog.2")));
        assertTrue(Files.exists(data.resolve("base/README")));
        assertFalse(Files.exists(data.resolve("base/16384.1")));
        assertFalse(Files.exists(data.resolve("base/catalog.1")));
    }
}
