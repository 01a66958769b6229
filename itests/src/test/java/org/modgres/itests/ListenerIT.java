package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The postmaster with its default settings: a Unix-domain socket in /tmp beside TCP, where psql and
 * libpq find it, and no TLS.
 */
class ListenerIT {

    private static ModgresServer server;

    @BeforeAll
    static void start() {
        server = ModgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Path socketFile(Path directory, int port) {
        return directory.resolve(".s.PGSQL." + port);
    }

    @Test
    void psql_connects_through_the_unix_socket_in_tmp() throws Exception {
        String output = ModgresServer.run(List.of("psql", "-X", "-h", "/tmp", "-p", String.valueOf(server.port()),
                "-U", "postgres", "-d", "postgres", "-A", "-t", "-c", "select 40 + 2", "-c", "\\conninfo"), null);
        assertEquals("42\nYou are connected to database \"postgres\" as user \"postgres\" via socket in \"/tmp\""
                + " at port \"" + server.port() + "\".\n", output);
    }

    @Test
    void libpq_finds_the_socket_through_pghost() throws Exception {
        ProcessResult result = ProcessResult.run(List.of("psql", "-X", "-A", "-t", "-c", "select 'through PGHOST'"),
                Map.of("PGHOST", "/tmp", "PGPORT", String.valueOf(server.port()), "PGUSER", "postgres",
                        "PGDATABASE", "postgres"));
        assertEquals(0, result.exitCode(), result.output());
        assertEquals("through PGHOST\n", result.output());
    }

    @Test
    void the_socket_lock_file_names_the_server_process() throws Exception {
        Path lock = Path.of("/tmp", ".s.PGSQL." + server.port() + ".lock");
        List<String> lines = Files.readAllLines(lock);
        assertEquals(String.valueOf(server.pid()), lines.get(0));
        assertEquals(server.dataDirectory().toString(), lines.get(1));
    }

    @Test
    void sslmode_require_is_refused_when_ssl_is_off() throws Exception {
        ProcessResult psql = ProcessResult.run(List.of("psql", "-X", "-c", "select 1",
                "sslmode=require host=127.0.0.1 port=" + server.port() + " user=postgres dbname=postgres"), Map.of());
        assertEquals(2, psql.exitCode(), psql.output());
        assertTrue(psql.output().contains("server does not support SSL, but SSL was required"), psql.output());

        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("ssl", "true");
        properties.setProperty("sslmode", "require");
        properties.setProperty("sslfactory", "org.postgresql.ssl.NonValidatingFactory");
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(server.jdbcUrl(), properties).close());
        assertTrue(e.getMessage().contains("The server does not support SSL"), e.getMessage());
    }

    @Test
    void k_flag_moves_the_socket_and_shutdown_removes_it_with_its_lock(@TempDir Path directory) throws Exception {
        int port;
        try (ModgresServer moved = ModgresServer.start(List.of("-k", directory.toString()), data -> { })) {
            port = moved.port();
            assertTrue(Files.exists(socketFile(directory, port)));
            assertFalse(Files.exists(socketFile(Path.of("/tmp"), port)), "-k replaces /tmp");
            String output = ModgresServer.run(List.of("psql", "-X", "-h", directory.toString(),
                    "-p", String.valueOf(port), "-U", "postgres", "-d", "postgres", "-A", "-t", "-c", "select 'moved'"),
                    null);
            assertEquals("moved\n", output);
            assertEquals(0, moved.stop());
        }
        try (var files = Files.list(directory)) {
            assertEquals(List.of(), files.toList(), "socket and lock file are gone after shutdown");
        }
    }
}
