package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

/**
 * Binary COPY and COPY in the extended query protocol. The resources in {@code copybinary/} come
 * from PostgreSQL 15: {@code alltypes.sql} run there, then {@code COPY allt TO STDOUT (FORMAT
 * binary)} gave {@code alltypes.bin} and the text format {@code alltypes.txt}; so for
 * {@code jsonarrays.*} and the table ja.
 */
class CopyBinaryIT {

    private static ModgresServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ModgresServer.start();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            for (String statement : text("alltypes.sql").split(";\n")) {
                if (!statement.isBlank() && !statement.startsWith("drop")) {
                    s.execute(statement);
                }
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CopyBinaryIT.class.getResourceAsStream("/copybinary/" + name)) {
            return in.readAllBytes();
        }
    }

    private static String text(String name) throws IOException {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    private static String psql(String... commands) throws Exception {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-h", "127.0.0.1", "-p",
                String.valueOf(server.port()), "-U", "postgres", "-d", "postgres", "-c", "set timezone = 'UTC'"));
        for (String c : commands) {
            command.add("-c");
            command.add(c);
        }
        return ModgresServer.run(command, null);
    }

    private static void createCopyOf(Statement s, String name) throws Exception {
        String create = text("alltypes.sql").lines().filter(l -> l.startsWith("create table")).findFirst().orElseThrow();
        s.execute(create.replace("allt (", name + " ("));
    }

    @Test
    void binary_copy_out_is_byte_for_byte_what_postgres_writes() throws Exception {
        try (Connection c = server.connect()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long rows = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("copy allt to stdout (format binary)", out);
            assertEquals(3, rows);
            assertEquals(HexFormat.of().formatHex(resource("alltypes.bin")), HexFormat.of().formatHex(out.toByteArray()));
        }
        Path dir = Files.createTempDirectory("modgres-copybinary");
        Path file = dir.resolve("out.bin");
        try {
            psql("\\copy allt to '" + file + "' with binary");
            assertArrayEquals(resource("alltypes.bin"), Files.readAllBytes(file));
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    @Test
    void a_file_postgres_wrote_loads_with_psql_and_reads_back_the_same() throws Exception {
        Path dir = Files.createTempDirectory("modgres-copybinary");
        Path file = dir.resolve("alltypes.bin");
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            createCopyOf(s, "from_postgres");
            Files.write(file, resource("alltypes.bin"));
            assertEquals("", psql("\\copy from_postgres from '" + file + "' (format binary)"));
            assertEquals(text("alltypes.txt"), psql("copy from_postgres to stdout"));
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    @Test
    void copy_manager_round_trips_binary_from_modgres_to_modgres() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            createCopyOf(s, "round_trip");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy.copyOut("COPY allt TO STDOUT WITH BINARY", out);
            // fed in small pieces, so that tuples and fields are cut across CopyData messages
            long loaded = copy.copyIn("copy round_trip from stdin (format binary)",
                    new ByteArrayInputStream(out.toByteArray()), 7);
            assertEquals(3, loaded);
            assertEquals(List.of("0"), ModgresServer.rows(c, "select count(*) from ("
                    + "select * from allt except select * from round_trip) differing"));
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            copy.copyOut("copy round_trip to stdout (format binary)", again);
            assertArrayEquals(out.toByteArray(), again.toByteArray());
        }
    }

    @Test
    void bad_binary_input_fails_with_postgres_errors_and_the_connection_goes_on() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("create table pairs (a int not null, b varchar(3))");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            PSQLException signature = assertThrows(PSQLException.class, () -> copy.copyIn(
                    "copy pairs from stdin (format binary)", new ByteArrayInputStream("a\tb\n".getBytes())));
            assertEquals("22P04", signature.getSQLState());
            assertEquals("COPY file signature not recognized", signature.getServerErrorMessage().getMessage());
            byte[] header = Arrays.copyOf(resource("alltypes.bin"), 19);
            byte[] oneField = concat(header, HexFormat.of().parseHex("0001000000040000000affff"));
            PSQLException count = assertThrows(PSQLException.class, () -> copy.copyIn(
                    "copy pairs from stdin (format binary)", new ByteArrayInputStream(oneField)));
            assertEquals("row field count is 1, expected 2", count.getServerErrorMessage().getMessage());
            assertEquals("COPY pairs, line 1", count.getServerErrorMessage().getWhere());
            byte[] tooLong = concat(header, HexFormat.of().parseHex("000200000004000000010000000461626364ffff"));
            PSQLException value = assertThrows(PSQLException.class, () -> copy.copyIn(
                    "copy pairs from stdin (format binary)", new ByteArrayInputStream(tooLong)));
            assertEquals("22001", value.getSQLState());
            assertEquals("COPY pairs, line 1, column b", value.getServerErrorMessage().getWhere());
            assertEquals(List.of("0"), ModgresServer.rows(c, "select count(*) from pairs"));
            PSQLException options = assertThrows(PSQLException.class,
                    () -> s.execute("copy pairs to stdout (format binary, header)"));
            assertEquals("0A000", options.getSQLState());
            assertEquals("cannot specify HEADER in BINARY mode", options.getServerErrorMessage().getMessage());
        }
    }

    @Test
    void copy_through_the_extended_protocol_answers_as_postgres_does() throws Exception {
        server.executeAsPostgres("create table wire (a int, b text)");
        try (WireClient client = WireClient.connect(server.port())) {
            // libpq's PQexecParams: the Sync comes with the Execute, and again after CopyDone
            client.parse("copy wire from stdin").bind().describePortal().execute().sync();
            assertEquals("12nG", client.types(4));
            client.copyData("1\tx\n2\t".getBytes(StandardCharsets.UTF_8))
                    .copyData("y\n".getBytes(StandardCharsets.UTF_8)).copyDone().sync();
            assertEquals("CZ", client.typesUntilReady());
            assertEquals("COPY 2", client.lastTag());

            client.parse("copy wire to stdout (format binary)").bind().describePortal().execute().sync();
            assertEquals("12nHdddcCZ", client.typesUntilReady());

            client.parse("copy wire from stdin").bind().execute().sync();
            assertEquals("12G", client.types(3));
            client.copyData("zz\tx\n".getBytes(StandardCharsets.UTF_8)).copyDone().sync();
            assertEquals("EZ", client.typesUntilReady());
            assertEquals("22P02", client.lastErrorCode());

            client.parse("copy wire from stdin").bind().execute().sync();
            assertEquals("12G", client.types(3));
            client.copyFail("client gave up").sync();
            assertEquals("EZ", client.typesUntilReady());
            assertEquals("57014", client.lastErrorCode());

            client.parse("copy wire to stdout").describeStatement().sync();
            assertEquals("1tnZ", client.typesUntilReady());
            client.query("select count(*) from wire");
            assertEquals("TDCZ", client.typesUntilReady());
        }
    }

    @Test
    void json_and_jsonb_arrays_are_column_types_in_text_and_binary() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            for (String statement : text("jsonarrays.sql").split(";\n")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            assertEquals(List.of("{\"a\": 1}|[1,2]|jsonb[]|json[]", "{\"x\": \"y z\"}|3|jsonb[]|json[]",
                    "null|null|jsonb[]|json[]"), ModgresServer.rows(c, "select a[1], b[1], pg_typeof(a), pg_typeof(b) from ja"));
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            ByteArrayOutputStream binary = new ByteArrayOutputStream();
            copy.copyOut("copy ja to stdout (format binary)", binary);
            assertArrayEquals(resource("jsonarrays.bin"), binary.toByteArray());
            assertEquals(text("jsonarrays.txt"), psql("copy ja to stdout"));
            s.execute("truncate ja");
            assertEquals(3, copy.copyIn("copy ja from stdin (format binary)",
                    new ByteArrayInputStream(resource("jsonarrays.bin"))));
            assertEquals(text("jsonarrays.txt"), psql("copy ja to stdout"));
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
