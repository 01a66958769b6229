package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A new data directory started with ssl = on and no certificate serves TLS at once, with a
 * self-signed certificate for localhost that libpq accepts, even when it verifies the host name.
 */
class SelfSignedTlsIT {

    private static ModgresServer server;

    @BeforeAll
    static void start() {
        server = ModgresServer.start(List.of("-c", "ssl=on"), data -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void psql_with_sslmode_require_talks_tls_on_the_generated_certificate() throws Exception {
        assertTrue(Files.exists(server.dataDirectory().resolve("server.key")));
        assertTrue(server.log().contains("wrote a self-signed certificate for localhost"), server.log());
        String output = ModgresServer.run(List.of("psql", "-X", "-A", "-t", "-c", "select 'encrypted'", "-c",
                "\\conninfo", "sslmode=require host=127.0.0.1 port=" + server.port() + " user=postgres dbname=postgres"),
                null);
        assertTrue(output.startsWith("encrypted\n"), output);
        assertTrue(output.contains("SSL connection (protocol: TLSv1.3"), output);
    }

    @Test
    void libpq_verifies_the_generated_certificate_and_its_host_name() throws Exception {
        String output = ModgresServer.run(List.of("psql", "-X", "-A", "-t", "-c", "select 'verified'",
                "sslmode=verify-full host=localhost port=" + server.port() + " user=postgres dbname=postgres"
                        + " sslrootcert=" + server.dataDirectory().resolve("server.crt")), null);
        assertEquals("verified\n", output);
    }
}
