package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * psycopg2 (Debian's python3-psycopg2, which uses libpq) against the running distribution: the
 * script prints what it reads, and must print what it prints against PostgreSQL 15.
 */
class PsycopgIT {

    /** Debian's interpreter, where python3-psycopg2 is installed; another python3 may come first on PATH. */
    private static final String PYTHON = "/usr/bin/python3";

    private static ModgresServer server;

    @BeforeAll
    static void start() {
        server = ModgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PsycopgIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs a script of the psycopg2 resources and compares what it prints with PostgreSQL 15's output. */
    private static void assertPrintsAsAgainstPostgres(String name) throws Exception {
        Path script = Files.createTempFile("psycopg2-" + name, ".py");
        try {
            Files.writeString(script, resource("/psycopg2/" + name + ".py"));
            String output = ModgresServer.run(List.of(PYTHON, script.toString(), String.valueOf(server.port())), null);
            assertEquals(resource("/psycopg2/" + name + ".out"), output);
        } finally {
            Files.delete(script);
        }
    }

    @Test
    void parameters_executemany_transactions_and_errors_read_as_against_postgres() throws Exception {
        assertPrintsAsAgainstPostgres("basics");
    }

    @Test
    void named_cursors_declare_fetch_and_close_as_against_postgres() throws Exception {
        assertPrintsAsAgainstPostgres("cursors");
    }
}
