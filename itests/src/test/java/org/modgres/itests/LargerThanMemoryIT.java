package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * A table whose values are several times larger than both the Java heap and shared_buffers: it
 * loads, scans, updates by primary key and comes back after a restart, because row values live in
 * heap pages behind the buffer pool rather than on the Java heap.
 */
class LargerThanMemoryIT {

    private static final String MAX_HEAP = "-Xmx256m";
    private static final int ROWS = 1_000_000;
    /** Rows per INSERT: a transaction's redo records are buffered until it commits, so one huge INSERT would not fit. */
    private static final int BATCH = 50_000;
    private static final int UPDATED_FROM = 400_001;
    private static final int UPDATED = 3_000;

    @Test
    void a_table_larger_than_heap_and_buffers_loads_scans_updates_and_survives_a_restart() throws Exception {
        try (ModgresServer server = ModgresServer.start(List.of("-c", "shared_buffers=16MB"),
                LargerThanMemoryIT::limitJavaHeap)) {
            try (Connection c = server.connect(); Statement s = c.createStatement()) {
                s.execute("create table big (id int primary key, t text not null)");
                for (int from = 1; from <= ROWS; from += BATCH) {
                    s.executeUpdate("insert into big select g, repeat(md5(g::text), 9) || g from generate_series("
                            + from + ", " + (from + BATCH - 1) + ") g");
                    if (from % (5 * BATCH) == 1) {
                        report(server, "loaded " + (from + BATCH - 1) + " rows");
                    }
                }
                report(server, "loaded");
                assertEquals(List.of("16MB"), ModgresServer.rows(c, "show shared_buffers"));
                long scanStart = System.nanoTime();
                assertEquals(List.of(ROWS + "|" + expectedLengthSum()), ModgresServer.rows(c,
                        "select count(*), sum(length(t)) from big"));
                report(server, "scanned in " + (System.nanoTime() - scanStart) / 1_000_000 + " ms");
                assertEquals(List.of(String.valueOf(ROWS / 10)),
                        ModgresServer.rows(c, "select count(*) from big where t like '%7'"));

                c.setAutoCommit(false);
                try (PreparedStatement update = c.prepareStatement("update big set t = 'u' || t where id = ?")) {
                    for (int id = UPDATED_FROM; id < UPDATED_FROM + UPDATED; id++) {
                        update.setInt(1, id);
                        assertEquals(1, update.executeUpdate());
                    }
                }
                c.commit();
                c.setAutoCommit(true);
                report(server, "updated");
            }
            assertEquals(0, server.stop());
            server.restart();
            report(server, "restarted");
            try (Connection c = server.connect()) {
                assertEquals(List.of(ROWS + "|" + (expectedLengthSum() + UPDATED)), ModgresServer.rows(c,
                        "select count(*), sum(length(t)) from big"));
                assertEquals(List.of(UPDATED + "|" + UPDATED_FROM + "|" + (UPDATED_FROM + UPDATED - 1)),
                        ModgresServer.rows(c, "select count(*), min(id), max(id) from big where t like 'u%'"));
                assertEquals(List.of("u" + row(UPDATED_FROM + 17)),
                        ModgresServer.rows(c, "select t from big where id = " + (UPDATED_FROM + 17)));
                assertEquals(List.of(row(ROWS)), ModgresServer.rows(c, "select t from big where id = " + ROWS));
                report(server, "checked after restart");
            }
        }
    }

    /** Gives the server's private copy of the distribution a small Java heap: ModgresServer passes no JVM options. */
    private static void limitJavaHeap(Path dataDirectory) throws IOException {
        Path script = dataDirectory.getParent().resolve("bin/modgres");
        String text = Files.readString(script);
        String options = "read -r -a java_opts <<< \"${JAVA_OPTS:-}\"";
        assertTrue(text.contains(options), "bin/modgres reads JAVA_OPTS as expected");
        Files.writeString(script, text.replace(options,
                "read -r -a java_opts <<< \"${JAVA_OPTS:-} " + MAX_HEAP + "\""));
    }

    private static long expectedLengthSum() {
        long sum = 0;
        for (int g = 1; g <= ROWS; g++) {
            sum += 9 * 32 + Integer.toString(g).length();
        }
        return sum;
    }

    private static String row(int g) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("MD5").digest(Integer.toString(g).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).repeat(9) + g;
    }

    private static void report(ModgresServer server, String when) throws IOException {
        String rss = "?";
        for (String line : Files.readAllLines(Path.of("/proc/" + server.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = line.substring("VmRSS:".length()).trim();
            }
        }
        System.out.printf(Locale.ROOT, "LargerThanMemoryIT: %s; server VmRSS %s%n", when, rss);
    }
}
