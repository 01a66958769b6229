package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SQL conformance script (joins, sub-queries, aggregates, windows, set operations, expressions,
 * DML with RETURNING and ON CONFLICT, transactions, errors) through psql on every combination of
 * the two planners and two executors: each must print exactly what PostgreSQL 15 printed.
 */
class ConformanceIT {

    private static final Duration SWAP_TIMEOUT = Duration.ofSeconds(30);

    private static ModgresServer server;
    private static Path workDirectory;

    @BeforeAll
    static void start() throws IOException {
        server = ModgresServer.start();
        workDirectory = Files.createTempDirectory(server.home(), "conformance");
        try (InputStream script = ConformanceIT.class.getResourceAsStream("/conformance/queries.sql")) {
            Files.copy(script, workDirectory.resolve("queries.sql"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String expected() throws IOException {
        try (InputStream out = ConformanceIT.class.getResourceAsStream("/conformance/queries.out")) {
            return new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs the script as PostgreSQL's output was made: psql -X -a -f queries.sql in the script's folder. */
    private static String runScript() throws Exception {
        Process psql = new ProcessBuilder("psql", "-X", "-a", "-h", "127.0.0.1", "-p", String.valueOf(server.port()),
                "-U", "postgres", "-d", "postgres", "-f", "queries.sql")
                .directory(workDirectory.toFile()).redirectErrorStream(true).start();
        psql.getOutputStream().close();
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(psql.waitFor(60, TimeUnit.SECONDS), "psql did not end");
        return output;
    }

    /** Deploys or removes a bundle so that the deployed set is what the combination needs. */
    private static void deployed(String property, String name, boolean wanted) throws IOException {
        Path target = server.deployDirectory().resolve(name);
        if (wanted && !Files.exists(target)) {
            Path staged = server.home().resolve(name + ".staged");
            Files.copy(Path.of(System.getProperty(property)), staged, StandardCopyOption.REPLACE_EXISTING);
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } else if (!wanted) {
            Files.deleteIfExists(target);
        }
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("show " + setting)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @ParameterizedTest(name = "{0} planner, {1} executor")
    @CsvSource({"calcite, interpreter", "calcite-cost, interpreter", "calcite, batch", "calcite-cost, batch"})
    void every_planner_and_executor_prints_what_postgres_prints(String planner, String executor) throws Exception {
        deployed("modgres.cost.planner.bundle", "planner-cost.jar", planner.equals("calcite-cost"));
        deployed("modgres.batch.executor.bundle", "executor-batch.jar", executor.equals("batch"));
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            long deadline = System.nanoTime() + SWAP_TIMEOUT.toNanos();
            List<String> wanted = List.of(planner, executor);
            List<String> serving = List.of(show(s, "modgres.planner"), show(s, "modgres.executor"));
            while (!serving.equals(wanted) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                serving = List.of(show(s, "modgres.planner"), show(s, "modgres.executor"));
            }
            assertEquals(wanted, serving, server.log());
        }
        assertEquals(expected(), runScript());
    }
}
