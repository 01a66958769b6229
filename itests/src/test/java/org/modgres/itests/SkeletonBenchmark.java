package org.modgres.itests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints the walking skeleton's figures, Modgres beside PostgreSQL when a PostgreSQL URL is given
 * ({@code -Dpg.url=jdbc:postgresql://127.0.0.1:55433/postgres}): time from {@code bin/modgres} to
 * ready (median of 5 starts) and the latency of a prepared primary-key lookup on a 10,000-row
 * table from pgjdbc. Run it with {@code itests/bench/skeleton-bench.sh}.
 */
public final class SkeletonBenchmark {

    private static final int ROWS = 10_000;
    private static final int WARMUP = 20_000;
    private static final int MEASURED = 50_000;

    private SkeletonBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long[] starts = new long[5];
        for (int i = 0; i < starts.length; i++) {
            try (ModgresServer server = ModgresServer.start()) {
                starts[i] = server.readyMillis();
            }
        }
        Arrays.sort(starts);
        System.out.printf(Locale.ROOT, "modgres start to ready: median %d ms (runs %s)%n", starts[2],
                Arrays.toString(starts));

        try (ModgresServer server = ModgresServer.start(); Connection c = server.connect()) {
            report("modgres", lookupLatencies(c));
        }
        String pgUrl = System.getProperty("pg.url");
        if (pgUrl != null) {
            try (Connection c = DriverManager.getConnection(pgUrl, "postgres", "")) {
                report("postgres", lookupLatencies(c));
            }
        }
    }

    private static long[] lookupLatencies(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_lookup");
            s.execute("create table bench_lookup (id int primary key, v text)");
        }
        try (PreparedStatement insert = c.prepareStatement("insert into bench_lookup values (?, ?)")) {
            for (int i = 1; i <= ROWS; i++) {
                insert.setInt(1, i);
                insert.setString(2, "value " + i);
                insert.addBatch();
                if (i % 1000 == 0) {
                    insert.executeBatch();
                }
            }
        }
        long[] latencies = new long[MEASURED];
        try (PreparedStatement lookup = c.prepareStatement("select v from bench_lookup where id = ?")) {
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                long start = System.nanoTime();
                lookup.setInt(1, i % ROWS + 1);
                try (ResultSet rs = lookup.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("row " + (i % ROWS + 1) + " missing");
                    }
                }
                if (i >= WARMUP) {
                    latencies[i - WARMUP] = System.nanoTime() - start;
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("drop table bench_lookup");
        }
        return latencies;
    }

    private static void report(String server, long[] latencies) {
        Arrays.sort(latencies);
        double mean = Arrays.stream(latencies).average().orElse(0) / 1000.0;
        System.out.printf(Locale.ROOT,
                "%-8s prepared pk lookup on %d rows: mean %.1f us, p50 %.1f us, p99 %.1f us (%d executions)%n",
                server, ROWS, mean, latencies[latencies.length / 2] / 1000.0,
                latencies[latencies.length * 99 / 100] / 1000.0, latencies.length);
    }
}
