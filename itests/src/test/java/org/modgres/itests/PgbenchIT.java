package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modgres.itests.PgbenchTables.Sums;

/**
 * pgbench, unmodified, against the assembled server: both ways of initialising, the three built-in
 * scripts in the three protocol modes with 8 clients, no failed transaction, and pgbench's balance
 * invariant afterwards.
 */
class PgbenchIT {


    private static ModgresServer server;

    @BeforeAll
    static void start() {
        server = ModgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String pgbench(String... arguments) throws Exception {
        return ModgresServer.run(PgbenchTables.command(server, arguments), null);
    }


    private static Sums sums() throws Exception {
        return PgbenchTables.sums(server);
    }

    /**
     * Asserts pgbench's invariant for one run (each run empties the history first): the accounts
     * changed by the sum of the history's deltas, and so did tellers and branches for tpcb-like;
     * simple-update leaves tellers and branches alone, select-only changes nothing.
     */
    private static void assertBalanced(String script, Sums before, Sums after, long transactions) {
        long expectedRows = script.equals("select-only") ? 0 : transactions;
        assertEquals(expectedRows, after.historyRows(), script + ": history rows");
        assertEquals(after.history(), after.accounts() - before.accounts(), script + ": accounts");
        long tellerAndBranchChange = script.equals("tpcb-like") ? after.history() : 0;
        assertEquals(tellerAndBranchChange, after.tellers() - before.tellers(), script + ": tellers");
        assertEquals(tellerAndBranchChange, after.branches() - before.branches(), script + ": branches");
    }

    @Test
    void server_side_initialisation_then_every_script_in_every_mode() throws Exception {
        String init = pgbench("-i", "-s", "2", "-I", "dtGvpf");
        assertTrue(init.contains("done in"), init);
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select conname from pg_constraint where contype = 'f' order by conname")) {
            List<String> foreignKeys = new java.util.ArrayList<>();
            while (r.next()) {
                foreignKeys.add(r.getString(1));
            }
            assertEquals(List.of("pgbench_accounts_bid_fkey", "pgbench_history_aid_fkey", "pgbench_history_bid_fkey",
                    "pgbench_history_tid_fkey", "pgbench_tellers_bid_fkey"), foreignKeys, init);
        }
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*), count(distinct bid), sum(abalance) from pgbench_accounts")) {
            assertTrue(r.next());
            assertEquals(200_000, r.getLong(1));
            assertEquals(2, r.getLong(2));
            assertEquals(0, r.getLong(3));
        }
        for (String mode : List.of("simple", "extended", "prepared")) {
            for (String script : List.of("tpcb-like", "simple-update", "select-only")) {
                Sums before = sums();
                String output = pgbench("-b", script, "-M", mode, "-c", "8", "-j", "2", "-t", "25");
                assertEquals(200, PgbenchTables.processed(output), () -> script + " " + mode + ":\n" + output);
                assertEquals(0, PgbenchTables.failed(output), () -> script + " " + mode + ":\n" + output);
                assertBalanced(script, before, sums(), 200);
            }
        }
    }

    @Test
    void client_side_initialisation_copies_the_accounts() throws Exception {
        String init = pgbench("-i", "-s", "1", "-q");
        assertTrue(init.contains("done in"), init);
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*), min(aid), max(aid), sum(bid) from pgbench_accounts")) {
            assertTrue(r.next());
            assertEquals(100_000, r.getLong(1));
            assertEquals(1, r.getLong(2));
            assertEquals(100_000, r.getLong(3));
            assertEquals(100_000, r.getLong(4));
        }
        Sums before = sums();
        String run = pgbench("-M", "prepared", "-c", "8", "-j", "2", "-T", "3");
        assertEquals(0, PgbenchTables.failed(run), run);
        long transactions = PgbenchTables.processed(run);
        assertTrue(transactions > 0, run);
        assertBalanced("tpcb-like", before, sums(), transactions);
    }
}
