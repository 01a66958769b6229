package org.modgres.pgcatalog.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The queries psql 15 sends for {@code \dt} and {@code \d table} print what they print against
 * PostgreSQL 15 for the same schema (resources/psql, recorded from PostgreSQL 15.18).
 */
class PsqlQueriesTest {

    private final CatalogHarness sql = new CatalogHarness();

    @BeforeEach
    void schema() throws IOException {
        for (String statement : resource("schema.sql").split(";")) {
            if (!statement.isBlank()) {
                sql.run(statement);
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PsqlQueriesTest.class.getResourceAsStream("/psql/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void list_of_tables_is_postgres_list() throws IOException {
        assertEquals(resource("dt.out"), sql.psqlOutput(resource("dt.sql")));
    }

    @ParameterizedTest(name = "query {0} of \\\\d {1}")
    @CsvSource({"2, pgbench_accounts", "3, pgbench_accounts", "4, pgbench_accounts", "5, pgbench_accounts",
            "6, pgbench_accounts", "7, pgbench_accounts", "8, pgbench_accounts", "9, pgbench_accounts",
            "2, catalog_types", "3, catalog_types", "4, catalog_types", "5, catalog_types", "6, catalog_types",
            "7, catalog_types", "8, catalog_types", "9, catalog_types"})
    void describe_table_query_answers_as_postgres(int query, String table) throws IOException {
        String oid = sql.lines("select c.oid from pg_catalog.pg_class c where c.relname = '" + table + "'").getFirst();
        String text = resource("describe-" + query + ".sql").replace("${oid}", oid);
        assertEquals(resource("describe-" + query + "-" + table + ".out"), sql.psqlOutput(text));
    }
}
