package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's everyday functions through psql: string functions (repeat, lpad, split_part, format,
 * regexp_replace, ...), math on integers, numeric and double precision, gen_random_uuid, the
 * date/time functions (date_trunc, extract, date_part, to_char, to_timestamp, to_date, make_date),
 * pg_typeof, their NULL handling and errors, and their rows in \df, each printed exactly as
 * PostgreSQL 15 printed it (functions/functions.out was recorded with psql -X -a -f).
 */
class FunctionsIT {

    private static ModgresServer server;
    private static PsqlScripts psql;

    @BeforeAll
    static void start() throws IOException {
        server = ModgresServer.start();
        psql = PsqlScripts.of(server, "functions", "functions.sql");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void psql_prints_what_postgres_prints() throws Exception {
        assertEquals(psql.expected("functions.sql"), psql.run("functions.sql"));
    }

    @Test
    void volatile_functions_differ_from_call_to_call() throws Exception {
        String output = psql.psql("", "-At", "-c", "select count(distinct random()), count(distinct gen_random_uuid()) "
                + "from (values (1), (2), (3)) as v(n)");
        assertEquals("3|3\n", output);
    }
}
