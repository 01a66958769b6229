package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * psql against a running server, from a working directory that holds the SQL scripts of one
 * resource folder, so that {@code -f script.sql} and {@code \i} find them; the expected output of
 * each script, recorded from PostgreSQL 15 with {@code psql -X -a -f}, sits beside it as
 * {@code script.out}.
 */
final class PsqlScripts {

    private final ModgresServer server;
    private final String folder;
    private final Path directory;

    private PsqlScripts(ModgresServer server, String folder, Path directory) {
        this.server = server;
        this.folder = folder;
        this.directory = directory;
    }

    /** Copies the scripts of the resource folder (e.g. {@code "constraints"}) into a new directory. */
    static PsqlScripts of(ModgresServer server, String folder, String... scripts) throws IOException {
        Path directory = Files.createTempDirectory(server.home(), folder);
        for (String script : scripts) {
            try (InputStream in = PsqlScripts.class.getResourceAsStream("/" + folder + "/" + script)) {
                Files.copy(in, directory.resolve(script));
            }
        }
        return new PsqlScripts(server, folder, directory);
    }

    /** Returns what PostgreSQL 15 printed for the script, {@code name.sql} giving {@code name.out}. */
    String expected(String script) throws IOException {
        try (InputStream in = PsqlScripts.class.getResourceAsStream(
                "/" + folder + "/" + script.replaceFirst("\\.sql$", ".out"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs the script with its statements echoed, as the expected output was recorded. */
    String run(String script) throws Exception {
        return psql("", "-a", "-f", script);
    }

    /** Runs psql with the arguments after the connection's and no input; returns its exit code and output. */
    ProcessResult result(String... arguments) throws Exception {
        Process psql = start(arguments);
        psql.getOutputStream().close();
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(psql.waitFor(60, TimeUnit.SECONDS), "psql did not end");
        return new ProcessResult(psql.exitValue(), output);
    }

    /** Runs psql with the arguments after the connection's, feeding it the input, and returns what it printed. */
    String psql(String input, String... arguments) throws Exception {
        Process psql = start(arguments);
        try (OutputStream stdin = psql.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(psql.waitFor(60, TimeUnit.SECONDS), "psql did not end");
        return output;
    }

    private Process start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-h", "127.0.0.1",
                "-p", String.valueOf(server.port()), "-U", "postgres", "-d", "postgres"));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    }
}
