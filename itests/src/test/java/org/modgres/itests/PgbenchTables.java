package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs pgbench against a test server and reads the sums its balance invariant is about. */
final class PgbenchTables {

    /** The sums of the balances and history deltas, and the number of history rows. */
    record Sums(long accounts, long tellers, long branches, long history, long historyRows) {
    }

    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    private PgbenchTables() {
    }

    /** Starts pgbench with these arguments in the background, its output going to a file of the server's copy. */
    static Process startInBackground(ModgresServer server, String outputName, String... arguments)
            throws IOException {
        Process pgbench = new ProcessBuilder(command(server, arguments)).redirectErrorStream(true)
                .redirectOutput(server.home().resolve(outputName).toFile()).start();
        pgbench.getOutputStream().close();
        return pgbench;
    }

    /** Returns the transactions a pgbench run reports as processed. */
    static long processed(String output) {
        return count(PROCESSED, output);
    }

    /** Returns the transactions a pgbench run reports as failed. */
    static long failed(String output) {
        return count(FAILED, output);
    }

    private static long count(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        assertTrue(m.find(), () -> "no " + pattern + " in\n" + output);
        return Long.parseLong(m.group(1));
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
