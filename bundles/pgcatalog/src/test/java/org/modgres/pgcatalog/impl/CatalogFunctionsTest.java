package org.modgres.pgcatalog.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.PgType;

/** The catalog functions answer as PostgreSQL 15.18 does (expected values printed by it). */
class CatalogFunctionsTest {

    private final CatalogHarness sql = new CatalogHarness();

    @BeforeEach
    void tables() {
        sql.run("create table catalog_types(id bigint primary key, name varchar(20) not null, price numeric(10,2), "
                + "note text, created timestamp, flag boolean, code smallint, ratio double precision)");
    }

    @Test
    void format_type_prints_sql_names_with_modifiers() {
        assertEquals(List.of("character varying(20)|numeric(10,2)|bpchar|character|text[]|\"char\"|"
                        + "timestamp without time zone|timestamp(3) with time zone|???|-"),
                sql.lines("select format_type(1043, 24), format_type(1700, 655366), format_type(1042, -1), "
                        + "format_type(1042, null), format_type(1009, -1), format_type(18, -1), "
                        + "format_type(1114, -1), format_type(1184, 3), format_type(99999, -1), format_type(0, -1)"));
    }

    @Test
    void interval_has_its_pg_type_row_and_sql_name() {
        sql.run("create table durations(d interval)");
        assertEquals(List.of("interval|interval[]|interval|16|T|1187"),
                sql.lines("select format_type(1186, -1), format_type(1187, -1), t.typname, t.typlen, t.typcategory, "
                        + "t.typarray from pg_type t where oid = 1186"));
        assertEquals(List.of("1186|interval"), sql.lines("select a.atttypid, format_type(a.atttypid, a.atttypmod) "
                + "from pg_attribute a where attrelid = 'durations'::regclass and attname = 'd'"));
    }

    @Test
    void pg_size_pretty_rounds_to_the_largest_unit_below_20480() {
        assertEquals(List.of("0 bytes|10239 bytes|10 kB|1024 kB|1024 MB|-20 MB|8192 PB"),
                sql.lines("select pg_size_pretty(0::bigint), pg_size_pretty(10239::bigint), "
                        + "pg_size_pretty(10240::bigint), pg_size_pretty(1048575::bigint), "
                        + "pg_size_pretty(1073741824::bigint), pg_size_pretty(-20971520::bigint), "
                        + "pg_size_pretty(9223372036854775807)"));
    }

    @Test
    void quote_ident_quotes_only_what_needs_it() {
        assertEquals(List.of("abc|\"Abc\"|\"select\"|\"a b\"|\"a\"\"b\"|'it''s'"),
                sql.lines("select quote_ident('abc'), quote_ident('Abc'), quote_ident('select'), "
                        + "quote_ident('a b'), quote_ident('a\"b'), quote_literal('it''s')"));
    }

    @Test
    void names_of_roles_encodings_schemas_and_comments() {
        assertEquals(List.of("postgres|pg_database_owner|unknown (OID=9999)|standard public schema||UTF8|{public}"),
                sql.lines("select pg_get_userbyid(10), pg_get_userbyid(6171), pg_get_userbyid(9999), "
                        + "obj_description(2200, 'pg_namespace'), obj_description(16384, 'pg_class'), "
                        + "pg_encoding_to_char(6), current_schemas(false)"));
        assertEquals(List.of("postgres|postgres|4242"),
                sql.lines("select current_user, current_database(), pg_backend_pid()"));
    }

    @Test
    void a_table_is_visible_unless_another_of_its_name_comes_first_in_the_search_path() {
        sql.run("create table pg_class (x int)");
        assertEquals(List.of("catalog_types|t", "catalog_types_pkey|t", "columns|f", "pg_class|f", "pg_class|t"),
                sql.lines("select relname, pg_table_is_visible(oid) from pg_class "
                        + "where relname in ('pg_class', 'catalog_types', 'columns', 'catalog_types_pkey') order by 1, 2"));
    }

    @Test
    void catalog_relations_come_first_and_user_tables_of_their_names_stay_reachable() {
        sql.run("create table pg_class (x int)", "insert into public.pg_class values (7)");
        assertEquals(List.of("7"), sql.lines("select x from public.pg_class"));
        assertEquals(List.of("t"), sql.lines("select count(*) > 30 from pg_class"));
    }

    @Test
    void regclass_reads_names_and_prints_them() {
        assertEquals(List.of("catalog_types|pg_class|integer|public|t"),
                sql.lines("select 'catalog_types'::regclass, 'pg_catalog.pg_class'::regclass, 'int4'::regtype, "
                        + "'public'::regnamespace, c.oid = 'catalog_types'::regclass from pg_class c "
                        + "where c.relname = 'catalog_types'"));
        assertEquals(List.of("catalog_types_pkey"),
                sql.lines("select i.indexrelid::regclass from pg_index i where i.indrelid = 'catalog_types'::regclass"));
        assertEquals(List.of(PgType.TEXT), sql.query("select 'catalog_types'::regclass").types());
        PgException e = assertThrows(PgException.class, () -> sql.query("select 'no_such_table'::regclass"));
        assertEquals(SqlState.UNDEFINED_TABLE, e.sqlState());
        assertEquals("relation \"no_such_table\" does not exist", e.getMessage());
    }

    @Test
    void index_and_constraint_definitions() {
        assertEquals(List.of("CREATE UNIQUE INDEX catalog_types_pkey ON public.catalog_types USING btree (id)"
                        + "|CREATE UNIQUE INDEX catalog_types_pkey ON catalog_types USING btree (id)|id"
                        + "|PRIMARY KEY (id)"),
                sql.lines("select pg_get_indexdef(i.indexrelid), pg_get_indexdef(i.indexrelid, 0, true), "
                        + "pg_get_indexdef(i.indexrelid, 1, true), pg_get_constraintdef(c.oid, true) "
                        + "from pg_index i join pg_constraint c on c.conindid = i.indexrelid"));
        assertEquals(List.of("public|catalog_types|catalog_types_pkey|"
                        + "CREATE UNIQUE INDEX catalog_types_pkey ON public.catalog_types USING btree (id)"),
                sql.lines("select schemaname, tablename, indexname, indexdef from pg_indexes"));
    }

    @Test
    void relation_sizes_count_the_rows_the_transaction_sees() {
        sql.run("insert into catalog_types (id, name) select g, 'n' from generate_series(1, 1000) as g");
        List<String> sizes = sql.lines("select pg_relation_size('catalog_types') > 0, "
                + "pg_total_relation_size('catalog_types') > pg_relation_size('catalog_types'), "
                + "pg_size_pretty(pg_indexes_size('catalog_types'::regclass))");
        assertEquals(1, sizes.size());
        assertEquals("t|t|", sizes.getFirst().substring(0, 4));
    }
}
