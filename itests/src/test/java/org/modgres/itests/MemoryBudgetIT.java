package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A runaway query cannot take the server's heap: while eight pgbench clients run transactions, one
 * session sorts far more rows than its statement memory allows. The sort fails with 53200, the
 * session goes on, every pgbench transaction succeeds and the server stays up.
 */
class MemoryBudgetIT {

    private static final int SECONDS = 20;
    private static final String HUGE_SORT = "select g, 'padding that makes each row a little wider ' || g as label"
            + " from generate_series(1, 3000000) g order by label desc";

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

    @Test
    void a_sort_past_its_budget_fails_alone_while_pgbench_runs_on() throws Exception {
        Process pgbench = PgbenchTables.startInBackground(server, "pgbench-memory.out", "-c", "8", "-j", "2", "-T",
                String.valueOf(SECONDS), "-M", "prepared");

        int refused = 0;
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("set modgres.statement_memory = '32MB'");
            while (pgbench.isAlive() && refused < 5) {
                SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(HUGE_SORT).close());
                assertEquals("53200", e.getSQLState(), e.getMessage());
                refused++;
                try (ResultSet rs = s.executeQuery("select count(*) from pgbench_branches")) {
                    assertTrue(rs.next(), "the session goes on after the refusal");
                    assertEquals(1, rs.getInt(1));
                }
            }
        }
        assertTrue(refused >= 1, "the huge sort never ran while pgbench did");
        assertTrue(pgbench.waitFor(SECONDS + 60L, TimeUnit.SECONDS), "pgbench did not end");
        String output = Files.readString(server.home().resolve("pgbench-memory.out"), StandardCharsets.UTF_8);
        assertEquals(0, pgbench.exitValue(), output);
        assertEquals(0, PgbenchTables.failed(output), output);

        PgbenchTables.Sums sums = PgbenchTables.sums(server);
        assertEquals(sums.history(), sums.accounts(), "accounts changed by the history's deltas");
        assertEquals(sums.history(), sums.branches(), "branches changed by the history's deltas");
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from generate_series(1, 10) g")) {
            assertTrue(rs.next());
            assertEquals(10, rs.getInt(1));
        }
    }
}
