package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modgres.itests.PgbenchTables.Sums;

/**
 * Eight pgbench clients run transactions for a minute while the cost-based planner, a second
 * executor, the example planner-rule and function bundles are installed, started, updated, stopped and uninstalled in a loop, through
 * {@code deploy/} and through the shell. No transaction may fail, no connection may drop, the
 * balances must add up, and each phase is served by the implementations it deployed.
 */
class HotSwapLoadIT {

    private static final int SECONDS = Integer.getInteger("modgres.swap.seconds", 60);
    private static final Duration SWAP_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern BUNDLE_ID = Pattern.compile("Bundle ID: (\\d+)");

    private static ModgresServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ModgresServer.start();
        String init = ModgresServer.run(PgbenchTables.command(server, "-i", "-s", "1"), null);
        assertTrue(init.contains("done in"), init);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("show " + setting)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    /** Waits until new statements are served by the named planner and executor, and records the phase. */
    private static void awaitServedBy(Statement s, String planner, String executor, Set<String> phases)
            throws Exception {
        long deadline = System.nanoTime() + SWAP_TIMEOUT.toNanos();
        String served = show(s, "modgres.planner") + "+" + show(s, "modgres.executor");
        while (!served.equals(planner + "+" + executor) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            served = show(s, "modgres.planner") + "+" + show(s, "modgres.executor");
        }
        assertEquals(planner + "+" + executor, served, server.log());
        phases.add(served);
    }

    /** Waits until the crypto functions are there (or gone), and uses them while they are. */
    private static void awaitFunctions(Statement s, boolean present) throws Exception {
        long deadline = System.nanoTime() + SWAP_TIMEOUT.toNanos();
        while (true) {
            try (ResultSet rs = s.executeQuery("select digest('abc', 'sha1')")) {
                assertTrue(rs.next());
                if (present) {
                    assertEquals(20, rs.getBytes(1).length);
                    return;
                }
            } catch (SQLException e) {
                if (!present && "42883".equals(e.getSQLState())) {
                    return;
                }
                if (present && !"42883".equals(e.getSQLState())) {
                    throw e;
                }
            }
            assertTrue(System.nanoTime() < deadline, "functions " + (present ? "present" : "gone") + "\n"
                    + server.log());
            Thread.sleep(100);
        }
    }

    private static void awaitRule(Statement s, boolean present) throws Exception {
        long deadline = System.nanoTime() + SWAP_TIMEOUT.toNanos();
        while (explainsEmpty(s) != present) {
            assertTrue(System.nanoTime() < deadline, "rule " + (present ? "present" : "gone") + "\n" + server.log());
            Thread.sleep(100);
        }
    }

    private static boolean explainsEmpty(Statement s) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery("explain select * from pgbench_branches where 1 = 0")) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString().contains("LogicalValues(tuples=[[]])");
    }

    private static void deploy(Path jar, String name) throws Exception {
        Path target = server.deployDirectory().resolve(name);
        Path staged = Files.copy(jar, server.home().resolve(name + ".staged"), StandardCopyOption.REPLACE_EXISTING);
        // a rename, so FileInstall never reads a half-copied jar
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Makes FileInstall update a deployed bundle: the same jar, newer. */
    private static void touch(String name) throws Exception {
        Files.setLastModifiedTime(server.deployDirectory().resolve(name), FileTime.from(Instant.now()));
    }

    private static long count(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        assertTrue(m.find(), () -> "no " + pattern + " in\n" + output);
        return Long.parseLong(m.group(1));
    }

    @Test
    void eight_clients_see_no_failure_while_every_kind_of_extension_comes_and_goes() throws Exception {
        Path costPlanner = Path.of(System.getProperty("modgres.cost.planner.bundle"));
        Path batchExecutor = Path.of(System.getProperty("modgres.batch.executor.bundle"));
        Path rule = Path.of(System.getProperty("modgres.example.rule.bundle"));
        Path functions = Path.of(System.getProperty("modgres.example.functions.bundle"));
        Sums before = PgbenchTables.sums(server);

        Process pgbench = PgbenchTables.startInBackground(server, "pgbench.out", "-c", "8", "-j", "2", "-T",
                String.valueOf(SECONDS), "-M", "prepared", "-P", "10");

        Set<String> phases = new LinkedHashSet<>();
        List<String> shellOutput = new ArrayList<>();
        int rounds = 0;
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            while (pgbench.isAlive()) {
                deploy(costPlanner, "planner-cost.jar");
                awaitServedBy(s, "calcite-cost", "interpreter", phases);

                deploy(rule, "empty-filter-rule.jar");
                deploy(functions, "crypto-functions.jar");
                awaitRule(s, true);
                awaitFunctions(s, true);

                String installed = server.shell("install file:" + batchExecutor);
                shellOutput.add(installed);
                String bundleId = String.valueOf(count(BUNDLE_ID, installed));
                shellOutput.add(server.shell("start " + bundleId));
                awaitServedBy(s, "calcite-cost", "batch", phases);

                touch("planner-cost.jar");
                touch("crypto-functions.jar");
                shellOutput.add(server.shell("update " + bundleId));
                awaitServedBy(s, "calcite-cost", "batch", phases);
                awaitFunctions(s, true);

                Files.delete(server.deployDirectory().resolve("planner-cost.jar"));
                awaitServedBy(s, "calcite", "batch", phases);
                Files.delete(server.deployDirectory().resolve("empty-filter-rule.jar"));
                awaitRule(s, false);

                shellOutput.add(server.shell("stop " + bundleId));
                awaitServedBy(s, "calcite", "interpreter", phases);
                shellOutput.add(server.shell("uninstall " + bundleId));
                Files.delete(server.deployDirectory().resolve("crypto-functions.jar"));
                awaitFunctions(s, false);
                rounds++;
            }
            assertTrue(c.isValid(2));
        }
        assertTrue(pgbench.waitFor(SECONDS + 60L, TimeUnit.SECONDS), "pgbench did not end");
        String output = Files.readString(server.home().resolve("pgbench.out"), StandardCharsets.UTF_8);
        assertEquals(0, pgbench.exitValue(), output + "\n" + server.log());
        assertEquals(0, PgbenchTables.failed(output), output);
        long transactions = PgbenchTables.processed(output);
        assertTrue(transactions > 0, output);
        assertTrue(rounds >= 1, "no full swap round within the run");
        assertEquals(Set.of("calcite-cost+interpreter", "calcite-cost+batch", "calcite+batch", "calcite+interpreter"),
                phases);

        Sums after = PgbenchTables.sums(server);
        assertEquals(before.historyRows() + transactions, after.historyRows(), "one history row per transaction");
        long delta = after.history() - before.history();
        assertEquals(delta, after.accounts() - before.accounts(), "accounts");
        assertEquals(delta, after.tellers() - before.tellers(), "tellers");
        assertEquals(delta, after.branches() - before.branches(), "branches");

        String log = server.log();
        assertTrue(log.contains("planner calcite-cost stopped"), log);
        assertTrue(log.contains("batch executor stopped after running"), log);
        assertTrue(log.contains("no longer runs the rules of empty-filter"), log);
        System.getLogger(HotSwapLoadIT.class.getName()).log(System.Logger.Level.INFO,
                "{0} swap rounds during {1} transactions; phases {2}; shell: {3}", rounds, transactions, phases,
                shellOutput);
    }
}
