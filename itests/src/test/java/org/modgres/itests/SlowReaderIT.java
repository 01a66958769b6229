package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that asks for a huge result and stops reading does not make its backend buffer the
 * result: the backend sends as the socket takes it and then waits, its memory stays put, the
 * other sessions go on, and the backend ends when the client goes away.
 */
class SlowReaderIT {

    /** About 2.4 GB of DataRow messages: far more than any buffer may hold. */
    private static final String HUGE_RESULT = "select g, '" + "x".repeat(100) + "' from generate_series(1, 20000000) g";

    private static ModgresServer server;

    @BeforeAll
    static void start() {
        server = ModgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void a_client_that_stops_reading_a_huge_result_costs_the_server_no_memory_for_it() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            long backendsBefore = backends(s);
            long residentBefore = residentKilobytes();
            try (Socket stalled = new Socket("127.0.0.1", server.port())) {
                DataInputStream in = new DataInputStream(stalled.getInputStream());
                OutputStream out = stalled.getOutputStream();
                out.write(startupPacket());
                out.flush();
                while (in.readByte() != 'Z') {
                    in.readFully(new byte[in.readInt() - 4]);
                }
                in.readFully(new byte[in.readInt() - 4]);
                byte[] query = (HUGE_RESULT + "\0").getBytes(StandardCharsets.UTF_8);
                out.write(ByteBuffer.allocate(5 + query.length).put((byte) 'Q').putInt(4 + query.length).put(query)
                        .array());
                out.flush();

                // the stalled backend is blocked in a write; everyone else is served meanwhile
                for (int i = 0; i < 50; i++) {
                    try (ResultSet rs = s.executeQuery("select count(*) from generate_series(1, 10000)")) {
                        assertTrue(rs.next());
                        assertEquals(10000, rs.getLong(1));
                    }
                    Thread.sleep(100);
                }
                assertEquals(List.of("active"), states(s, HUGE_RESULT), "the stalled query is still running");
                long grown = residentKilobytes() - residentBefore;
                assertTrue(grown < 512 * 1024, "resident memory grew by " + grown + " kB while the client did not read");
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (backends(s) > backendsBefore && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(backendsBefore, backends(s), "the stalled backend ended with its client");
        }
    }

    private static byte[] startupPacket() {
        byte[] parameters = "user\0postgres\0database\0postgres\0\0".getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(8 + parameters.length).putInt(8 + parameters.length).putInt(196608)
                .put(parameters).array();
    }

    private static long backends(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity")) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private static List<String> states(Statement s, String query) throws Exception {
        try (ResultSet rs = s.executeQuery("select state from pg_stat_activity where query = '" + query
                .replace("'", "''") + "'")) {
            List<String> states = new java.util.ArrayList<>();
            while (rs.next()) {
                states.add(rs.getString(1));
            }
            return states;
        }
    }

    private static long residentKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + server.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for the server");
    }
}
