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

/** psql against the running distribution; the expected texts are what psql prints against PostgreSQL 15. */
class PsqlIT {

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
        try (InputStream in = PsqlIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> psql(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1",
                "-p", String.valueOf(server.port()), "-U", "postgres", "-d", "postgres"));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void script_of_ddl_dml_and_queries_prints_what_postgres_prints() throws Exception {
        Path script = Files.createTempFile("skeleton", ".sql");
        Files.writeString(script, resource("/psql/skeleton.sql"));
        String expected = resource("/psql/skeleton.out").replace("skeleton.sql", script.toString());
        String actual = ModgresServer.run(psql("-v", "ON_ERROR_STOP=1", "-f", script.toString()), null);
        Files.delete(script);
        assertEquals(expected, actual);
    }

    @Test
    void error_reports_sqlstate_message_and_position_like_postgres() throws Exception {
        Process p = new ProcessBuilder(psql("-v", "VERBOSITY=verbose", "-c", "select * from no_such_table"))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor());
        assertEquals("""
                ERROR:  42P01: relation "no_such_table" does not exist
                LINE 1: select * from no_such_table
                                      ^
                """, output.replaceAll("(?m)^LOCATION:.*\\n", ""));
    }

    @Test
    void several_statements_in_one_query_string_run_in_order() throws Exception {
        String output = ModgresServer.run(psql("-A", "-t", "-c",
                "create table multi(a int); insert into multi values (1),(2); select sum(a) from multi; drop table multi"),
                null);
        assertEquals("CREATE TABLE\nINSERT 0 2\n3\nDROP TABLE\n", output);
    }
}
