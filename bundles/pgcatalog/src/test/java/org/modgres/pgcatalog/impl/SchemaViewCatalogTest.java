package org.modgres.pgcatalog.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.storage.ColumnInfo;
import org.modgres.api.storage.TableDefinition;
import org.modgres.api.storage.TableInfo;
import org.modgres.api.storage.Transaction;
import org.modgres.api.storage.ViewInfo;
import org.modgres.api.type.ColumnType;
import org.modgres.api.type.PgType;

/** Schemas of CREATE SCHEMA and views in pg_namespace, pg_class, pg_views and information_schema, as PostgreSQL 15 lists them. */
class SchemaViewCatalogTest {

    private final CatalogHarness sql = new CatalogHarness();

    @BeforeEach
    void schemaTableAndView() {
        Transaction t = sql.storage.begin();
        t.createSchema("sales", 10);
        List<ColumnInfo> columns = List.of(new ColumnInfo("a", ColumnType.of(PgType.INT4), false),
                new ColumnInfo("b", ColumnType.of(PgType.TEXT), false));
        TableInfo orders = t.createTable(new TableDefinition("sales", "orders", columns, List.of()));
        t.createView(new ViewInfo(0, "sales", "big", columns, " SELECT orders.a,\n    orders.b\n   FROM sales.orders\n"
                + "  WHERE orders.a > 1", " SELECT orders.a,\n    orders.b\n   FROM sales.orders\n  WHERE (orders.a > 1)",
                List.of("public"), List.of(orders.oid())), false);
        t.commit();
    }

    @Test
    void pg_namespace_and_schemata_list_the_schema_with_its_owner() {
        assertEquals(List.of("public|pg_database_owner|{pg_database_owner=UC/pg_database_owner,=U/pg_database_owner}",
                        "sales|postgres|"),
                sql.lines("select nspname, pg_get_userbyid(nspowner), nspacl from pg_namespace "
                        + "where nspname in ('public', 'sales') order by 1"));
        assertEquals(List.of("sales|postgres"), sql.lines("select schema_name, schema_owner "
                + "from information_schema.schemata where schema_name = 'sales'"));
    }

    @Test
    void pg_class_has_the_view_and_the_table_in_their_schema() {
        assertEquals(List.of("big|v|sales|2", "orders|r|sales|2"),
                sql.lines("select relname, relkind, relnamespace::regnamespace, relnatts from pg_class "
                        + "where relname in ('big', 'orders') order by 1"));
        assertEquals(List.of("sales|big|VIEW", "sales|orders|BASE TABLE"), sql.lines("select table_schema, "
                + "table_name, table_type from information_schema.tables where table_schema = 'sales' order by 2"));
    }

    @Test
    void the_definition_is_printed_pretty_or_plain() {
        assertEquals(List.of("sales|big|postgres| SELECT orders.a,\n    orders.b\n   FROM sales.orders\n"
                + "  WHERE (orders.a > 1);"), sql.lines("select schemaname, viewname, viewowner, definition "
                + "from pg_views where schemaname = 'sales'"));
        assertEquals(List.of(" SELECT orders.a,\n    orders.b\n   FROM sales.orders\n  WHERE orders.a > 1;"),
                sql.lines("select pg_get_viewdef(oid, true) from pg_class where relname = 'big'"));
        assertEquals(List.of("t"), sql.lines("select pg_get_viewdef(oid) is null from pg_class where relname = 'orders'"));
    }

    @Test
    void current_schemas_and_visibility_follow_search_path() {
        assertEquals(List.of("{public}|{pg_catalog,public}|f"), sql.lines("select current_schemas(false), "
                + "current_schemas(true), pg_table_is_visible('sales.big'::regclass)"));
        sql.settings.put("search_path", "sales, \"$user\", public");
        assertEquals(List.of("{sales,public}|{pg_catalog,sales,public}|t"), sql.lines("select current_schemas(false), "
                + "current_schemas(true), pg_table_is_visible('sales.big'::regclass)"));
    }
}
