package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS with {@code ssl = on} and a self-signed certificate made by openssl in the data directory, as
 * an administrator sets it up for PostgreSQL.
 */
class TlsIT {

    private static ModgresServer server;

    @BeforeAll
    static void start() {
        server = ModgresServer.start(List.of("-c", "ssl=on"), data -> ModgresServer.run(List.of("openssl", "req",
                "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-keyout", data.resolve("server.key").toString(), "-out", data.resolve("server.crt").toString()),
                null));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String conninfo(String sslmode) {
        return "sslmode=" + sslmode + " host=127.0.0.1 port=" + server.port() + " user=postgres dbname=postgres";
    }

    @Test
    void psql_with_sslmode_require_talks_tls() throws Exception {
        String output = ModgresServer.run(List.of("psql", "-X", "-A", "-t", "-c", "select 'encrypted'",
                "-c", "\\conninfo", conninfo("require")), null);
        assertTrue(output.startsWith("encrypted\n"), output);
        assertTrue(output.contains("SSL connection (protocol: TLSv1.3"), output);
    }

    @Test
    void psql_verifying_the_certificate_against_it_succeeds() throws Exception {
        String output = ModgresServer.run(List.of("psql", "-X", "-A", "-t", "-c", "select 'verified'",
                conninfo("verify-ca") + " sslrootcert=" + server.dataDirectory().resolve("server.crt")), null);
        assertEquals("verified\n", output);
    }

    @Test
    void psql_over_the_unix_socket_is_not_encrypted() throws Exception {
        String output = ModgresServer.run(List.of("psql", "-X", "-A", "-t", "-h", "/tmp", "-p",
                String.valueOf(server.port()), "-U", "postgres", "-d", "postgres", "-c", "\\conninfo"), null);
        assertTrue(output.contains("via socket in \"/tmp\""), output);
        assertTrue(!output.contains("SSL"), output);
    }

    @Test
    void pgjdbc_with_sslmode_require_runs_queries() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("ssl", "true");
        properties.setProperty("sslmode", "require");
        properties.setProperty("sslfactory", "org.postgresql.ssl.NonValidatingFactory");
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), properties);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select 6 * 7")) {
            rs.next();
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void pgjdbc_verifying_the_certificate_runs_queries() throws Exception {
        Path certificate = server.dataDirectory().resolve("server.crt");
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("sslmode", "verify-ca");
        properties.setProperty("sslrootcert", certificate.toString());
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), properties);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select 'verified'")) {
            rs.next();
            assertEquals("verified", rs.getString(1));
        }
    }

    @Test
    void psql_with_the_default_sslmode_prefer_gets_tls_too() throws Exception {
        ProcessResult result = ProcessResult.run(List.of("psql", "-X", "-A", "-t", "-h", "127.0.0.1", "-p",
                String.valueOf(server.port()), "-U", "postgres", "-d", "postgres", "-c", "\\conninfo"),
                Map.of("PGSSLMODE", "prefer"));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SSL connection"), result.output());
    }
}
