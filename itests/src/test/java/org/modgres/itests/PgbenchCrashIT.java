package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * pgbench's transfer transactions from 8 clients while the server is killed with SIGKILL at random
 * moments, 20 times: after every restart no transaction is half there, so pgbench's invariant holds
 * (sum of account balances = sum of teller balances = sum of branch balances = sum of history
 * deltas), and the history never shrinks, so what was committed before a crash stays.
 */
class PgbenchCrashIT {

    private static final int KILLS = 20;

    @Test
    void the_balance_invariant_holds_after_every_crash() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        try (ModgresServer server = ModgresServer.start(List.of("-c", "checkpoint_timeout=2s"), data -> { })) {
            ModgresServer.run(PgbenchTables.command(server, "-i", "-s", "1", "-q"), null);
            long historyRows = 0;
            for (int kill = 1; kill <= KILLS; kill++) {
                // -n: no vacuum and no history truncation, so the history piles up across crashes
                Process load = new ProcessBuilder(PgbenchTables.command(server, "-n", "-M", "prepared", "-c", "8", "-j", "2",
                        "-T", "30")).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (kill == 1) {
                    // a cold server can take seconds to its first commit: the first kill waits for one,
                    // so that the runs are known to crash a server with acknowledged commits to keep
                    awaitFirstCommit(server);
                }
                Thread.sleep(300 + random.nextInt(1500));
                server.kill();
                load.waitFor(30, TimeUnit.SECONDS);
                load.destroyForcibly();
                server.restart();
                long now = assertBalanced(server, "after kill " + kill + " (seed " + seed + ")");
                assertTrue(now >= historyRows, "history shrank after kill " + kill + " (seed " + seed + ")");
                historyRows = now;
            }
            assertTrue(historyRows > 0, "no transaction committed in " + KILLS + " runs");
        }
    }

    private static void awaitFirstCommit(ModgresServer server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (PgbenchTables.sums(server).historyRows() == 0) {
            assertTrue(System.nanoTime() < deadline, "pgbench committed nothing in 60 s");
            Thread.sleep(100);
        }
    }

    /** Asserts the invariant and returns the number of history rows. */
    private static long assertBalanced(ModgresServer server, String when) throws Exception {
        PgbenchTables.Sums sums = PgbenchTables.sums(server);
        assertEquals(sums.accounts(), sums.tellers(), "tellers " + when);
        assertEquals(sums.accounts(), sums.branches(), "branches " + when);
        assertEquals(sums.accounts(), sums.history(), "history " + when);
        return sums.historyRows();
    }
}
