package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * UNIQUE, CHECK and FOREIGN KEY constraints of CREATE TABLE and ALTER TABLE through psql: the names PostgreSQL
 * makes up, pg_constraint, pg_index and pg_get_constraintdef, psql's \d, CHECK violations of INSERT,
 * UPDATE, COPY and ON CONFLICT, duplicate keys, missing and still-referenced foreign keys with their
 * CASCADE and SET NULL actions, and the errors of bad definitions, each printed exactly as
 * PostgreSQL 15 printed it (constraints/constraints.out was recorded with psql -X -a -f).
 */
class ConstraintsIT {

    private static ModgresServer server;
    private static Path workDirectory;

    @BeforeAll
    static void start() throws IOException {
        server = ModgresServer.start();
        workDirectory = Files.createTempDirectory(server.home(), "constraints");
        for (String script : List.of("constraints.sql", "alter.sql")) {
            try (InputStream in = ConstraintsIT.class.getResourceAsStream("/constraints/" + script)) {
                Files.copy(in, workDirectory.resolve(script));
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ConstraintsIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs psql with the arguments after the connection's, feeding it the input, and returns what it printed. */
    private static String psql(String input, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1",
                "-p", String.valueOf(server.port()), "-U", "postgres", "-d", "postgres"));
        command.addAll(List.of(arguments));
        Process psql = new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true).start();
        try (OutputStream stdin = psql.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(psql.waitFor(60, TimeUnit.SECONDS), "psql did not end");
        return output;
    }

    @Test
    void psql_prints_what_postgres_prints() throws Exception {
        assertEquals(resource("/constraints/constraints.out"), psql("", "-a", "-f", "constraints.sql"));
    }

    /**
     * ALTER TABLE ADD of UNIQUE, CHECK, FOREIGN KEY and PRIMARY KEY constraints checked against the
     * rows already there, DROP CONSTRAINT with RESTRICT and CASCADE, SET / DROP NOT NULL and DEFAULT,
     * several actions in one statement, and a rollback (constraints/alter.out was recorded from
     * PostgreSQL 15 with psql -X -a -f).
     */
    @Test
    void alter_table_prints_what_postgres_prints() throws Exception {
        assertEquals(resource("/constraints/alter.out"), psql("", "-a", "-f", "alter.sql"));
    }

    @Test
    void copy_refuses_a_row_that_fails_a_check() throws Exception {
        psql("", "-c", "create table copied (id int primary key, v int check (v > 0), w text)");
        String output = psql("1\t5\tok\n2\t-3\tbad\n\\.\n", "-c", "copy copied from stdin");
        assertTrue(output.contains("ERROR:  new row for relation \"copied\" violates check constraint \"copied_v_check\"\n"
                + "DETAIL:  Failing row contains (2, -3, bad)."), output);
        assertEquals(" count \n-------\n     0\n(1 row)\n\n", psql("", "-c", "select count(*) from copied"));
    }
}
