package org.modgres.pgcatalog.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.api.type.PgType;

/** information_schema answers as PostgreSQL 15.18's does (expected rows printed by it). */
class InformationSchemaTest {

    private final CatalogHarness sql = new CatalogHarness();

    @BeforeEach
    void tables() {
        sql.run("create table catalog_types(id bigint primary key, name varchar(20) not null, price numeric(10,2), "
                + "note text, created timestamp, flag boolean, code smallint, ratio double precision)");
    }

    @Test
    void columns_describe_types_lengths_and_precisions() {
        assertEquals(List.of("id|bigint|||64|2|0||NO|int8|1|YES",
                        "name|character varying|20|80|||||NO|varchar|2|YES",
                        "price|numeric|||10|10|2||YES|numeric|3|YES",
                        "note|text||1073741824|||||YES|text|4|YES",
                        "created|timestamp without time zone||||||6|YES|timestamp|5|YES",
                        "flag|boolean|||||||YES|bool|6|YES",
                        "code|smallint|||16|2|0||YES|int2|7|YES",
                        "ratio|double precision|||53|2|||YES|float8|8|YES"),
                sql.lines("select column_name, data_type, character_maximum_length, character_octet_length, "
                        + "numeric_precision, numeric_precision_radix, numeric_scale, datetime_precision, "
                        + "is_nullable, udt_name, dtd_identifier, is_updatable from information_schema.columns "
                        + "where table_name = 'catalog_types' order by ordinal_position"));
    }

    @Test
    void tables_and_schemata() {
        assertEquals(List.of("postgres|public|catalog_types|BASE TABLE|YES|NO"),
                sql.lines("select table_catalog, table_schema, table_name, table_type, is_insertable_into, is_typed "
                        + "from information_schema.tables where table_schema = 'public'"));
        assertEquals(List.of("VIEW"), sql.lines("select table_type from information_schema.tables "
                + "where table_schema = 'pg_catalog' and table_name = 'pg_tables'"));
        assertEquals(List.of("information_schema|postgres", "pg_catalog|postgres", "pg_toast|postgres",
                        "public|pg_database_owner"),
                sql.lines("select schema_name, schema_owner from information_schema.schemata order by 1"));
    }

    @Test
    void columns_have_the_base_types_of_the_standard_domains() {
        assertEquals(List.of(PgType.NAME, PgType.INT4, PgType.VARCHAR),
                sql.query("select column_name, ordinal_position, is_nullable from information_schema.columns").types());
    }
}
