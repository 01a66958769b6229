package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs pgbench against a test server and reads the sums its balance invariant is about. */
final class PgbenchTables {

    /** The sums of the balances and history deltas, and the number of history rows. */
    record Sums(long accounts, long tellers, long branches, long history, long historyRows) {
    }

    private PgbenchTables() {
    }

    /** Returns the pgbench command line for the server's database {@code postgres}. */
    static List<String> command(ModgresServer server, String... arguments) {
        List<String> command = new ArrayList<>(List.of("pgbench", "-h", "127.0.0.1", "-p",
                String.valueOf(server.port()), "-U", "postgres"));
        command.addAll(List.of(arguments));
        command.add("postgres");
        return command;
    }

    static Sums sums(ModgresServer server) throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select (select sum(abalance) from pgbench_accounts),"
                     + " (select sum(tbalance) from pgbench_tellers), (select sum(bbalance) from pgbench_branches),"
                     + " (select coalesce(sum(delta), 0) from pgbench_history), (select count(*) from pgbench_history)")) {
            assertTrue(r.next());
            return new Sums(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5));
        }
    }
}
