package org.modgres.shmem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.storage.Catalog;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.SchemaInfo;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.api.storage.ViewInfo;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** Schemas and views are created and dropped in transactions and survive crashes, checkpoints and restarts. */
class SchemaViewStorageTest extends DataDirectoryTestBase {

    private static ViewInfo view(String schema, String name, String definition, long... dependsOn) {
        return new ViewInfo(0, schema, name, List.of(new ColumnInfo("a", ColumnType.of(PgType.INT4), false)),
                definition, "(" + definition + ")", List.of(schema), java.util.Arrays.stream(dependsOn).boxed().toList());
    }

    private static TableDefinition table(String schema, String name) {
        return new TableDefinition(schema, name, List.of(new ColumnInfo("a", ColumnType.of(PgType.INT4), false)),
                List.of());
    }

    private static PgException refused(SqlState state, Runnable action) {
        PgException e = assertThrows(PgException.class, action::run);
        assertEquals(state, e.sqlState(), e.getMessage());
        return e;
    }

    @Test
    void public_exists_and_other_schemas_are_created_and_dropped() throws IOException {
        StorageEngine engine = start();
        Catalog catalog = engine.catalog();
        assertEquals(List.of(Catalog.DEFAULT_SCHEMA), catalog.schemas().stream().map(SchemaInfo::name).toList());
        Transaction t = engine.begin();
        SchemaInfo sales = t.createSchema("sales", 10);
        refused(SqlState.DUPLICATE_SCHEMA, () -> t.createSchema("sales", 10));
        t.createTable(table("sales", "orders"));
        refused(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, () -> t.dropSchema("sales"));
        refused(SqlState.INVALID_SCHEMA_NAME, () -> t.createTable(table("nowhere", "t")));
        refused(SqlState.INVALID_SCHEMA_NAME, () -> t.dropSchema("nowhere"));
        t.commit();
        assertEquals(Optional.of(sales), catalog.schema("sales"));
        assertTrue(sales.oid() >= MemoryCatalog.FIRST_NORMAL_OBJECT_ID);
        Transaction drop = engine.begin();
        drop.dropTable("sales", "orders");
        drop.dropSchema("sales");
        drop.commit();
        assertEquals(Optional.empty(), catalog.schema("sales"));
    }

    @Test
    void rollback_takes_schemas_and_views_back() throws IOException {
        StorageEngine engine = start();
        Catalog catalog = engine.catalog();
        Transaction setup = engine.begin();
        TableInfo orders = setup.createTable(table("public", "orders"));
        ViewInfo kept = setup.createView(view("public", "kept", "select a from orders", orders.oid()), false);
        setup.commit();
        long version = catalog.version();
        Transaction t = engine.begin();
        t.createSchema("scratch", 10);
        t.createView(view("scratch", "v", "select 1 as a"), false);
        t.createView(view("public", "kept", "select a + 1 as a from orders", orders.oid()), true);
        t.dropView("public", "kept");
        assertTrue(catalog.version() > version, "cached plans must see the change");
        t.rollback();
        assertEquals(Optional.empty(), catalog.schema("scratch"));
        assertEquals(Optional.empty(), catalog.view("scratch", "v"));
        assertEquals(Optional.of(kept), catalog.view("public", "kept"));
    }

    @Test
    void a_relation_a_view_reads_is_not_dropped() throws IOException {
        StorageEngine engine = start();
        Transaction t = engine.begin();
        TableInfo orders = t.createTable(table("public", "orders"));
        ViewInfo first = t.createView(view("public", "first", "select a from orders", orders.oid()), false);
        t.createView(view("public", "second", "select a from first", first.oid()), false);
        refused(SqlState.DUPLICATE_TABLE, () -> t.createView(view("public", "orders", "select 1 as a"), true));
        refused(SqlState.DUPLICATE_TABLE, () -> t.createView(view("public", "first", "select 1 as a"), false));
        refused(SqlState.DUPLICATE_TABLE, () -> t.createTable(table("public", "first")));
        PgException e = refused(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, () -> t.dropTable("public", "orders"));
        assertEquals("cannot drop table orders because other objects depend on it", e.getMessage());
        assertEquals("view first depends on table orders\nview second depends on view first", e.detail());
        refused(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, () -> t.dropView("public", "first"));
        t.dropView("public", "second");
        t.dropView("public", "first");
        t.dropTable("public", "orders");
        t.commit();
    }

    @Test
    void schemas_and_views_survive_a_crash_a_checkpoint_and_a_restart() throws IOException {
        StorageEngine engine = start();
        Transaction t = engine.begin();
        SchemaInfo sales = t.createSchema("sales", 10);
        t.createSchema("gone", 10);
        TableInfo orders = t.createTable(table("sales", "orders"));
        ViewInfo big = t.createView(view("sales", "big", "select a from sales.orders", orders.oid()), false);
        ViewInfo replaced = t.createView(view("sales", "replaced", "select 1 as a"), false);
        t.commit();
        Transaction later = engine.begin();
        later.dropSchema("gone");
        ViewInfo replacement = later.createView(view("sales", "replaced", "select 2 as a"), true);
        later.commit();
        assertEquals(replaced.oid(), replacement.oid());
        Transaction open = engine.begin();
        open.createSchema("uncommitted", 10);
        open.createView(view("sales", "uncommitted", "select 3 as a"), false);

        StorageEngine recovered = restartAfterCrash(engine);
        assertState(recovered.catalog(), sales, big, replacement);
        assertTrue(recovered.checkpoint());
        Transaction during = recovered.begin();
        during.createSchema("during", 10);
        StorageEngine fromCheckpoint = restartAfterCrash(recovered);
        assertState(fromCheckpoint.catalog(), sales, big, replacement);
        Transaction next = fromCheckpoint.begin();
        assertTrue(next.createSchema("next", 10).oid() > replacement.oid(), "OIDs are not given out twice");
        next.commit();
    }

    private static void assertState(Catalog catalog, SchemaInfo sales, ViewInfo big, ViewInfo replaced) {
        assertEquals(List.of("public", "sales"), catalog.schemas().stream().map(SchemaInfo::name).toList());
        assertEquals(Optional.of(sales), catalog.schema("sales"));
        assertEquals(List.of(big, replaced), catalog.views("sales"));
        assertEquals(Optional.of(big), catalog.view(big.oid()));
        assertEquals("select 2 as a", catalog.view("sales", "replaced").orElseThrow().definition());
    }
}
