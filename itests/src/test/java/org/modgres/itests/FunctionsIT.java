package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
    private static Path workDirectory;

    @BeforeAll
    static void start() throws IOException {
        server = ModgresServer.start();
        workDirectory = Files.createTempDirectory(server.home(), "functions");
        try (InputStream script = FunctionsIT.class.getResourceAsStream("/functions/functions.sql")) {
            Files.copy(script, workDirectory.resolve("functions.sql"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FunctionsIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String psql(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1",
                "-p", String.valueOf(server.port()), "-U", "postgres", "-d", "postgres"));
        command.addAll(List.of(arguments));
        Process psql = new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true).start();
        psql.getOutputStream().close();
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(psql.waitFor(60, TimeUnit.SECONDS), "psql did not end");
        return output;
    }

    @Test
    void psql_prints_what_postgres_prints() throws Exception {
        assertEquals(resource("/functions/functions.out"), psql("-a", "-f", "functions.sql"));
    }

    @Test
    void volatile_functions_differ_from_call_to_call() throws Exception {
        String output = psql("-At", "-c", "select count(distinct random()), count(distinct gen_random_uuid()) "
                + "from (values (1), (2), (3)) as v(n)");
        assertEquals("3|3\n", output);
    }
}
