package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StartupProtocolTest {

    @Test
    void startup_reports_the_parameters_of_postgresql_15_then_the_key_then_idle() throws Exception {
        try (BackendFixture fixture = BackendFixture.startRaw(BackendFixture.POSTGRES)) {
            List<ServerMessage> messages = fixture.client.expect("RSSSSSSSSSSSSSKZ");
            assertEquals(0, messages.get(0).int32(0), "AuthenticationOk");
            Map<String, String> reported = new LinkedHashMap<>();
            messages.subList(1, 14).forEach(m -> reported.put(m.parameter().get(0), m.parameter().get(1)));
            assertEquals(List.of("application_name", "client_encoding", "DateStyle", "default_transaction_read_only",
                    "in_hot_standby", "integer_datetimes", "IntervalStyle", "is_superuser", "server_encoding",
                    "server_version", "session_authorization", "standard_conforming_strings", "TimeZone"),
                    List.copyOf(reported.keySet()), "names and order, as PostgreSQL 15 sends them");
            assertEquals("UTF8", reported.get("client_encoding"));
            assertEquals("ISO, MDY", reported.get("DateStyle"));
            assertEquals("on", reported.get("integer_datetimes"));
            assertEquals("postgres", reported.get("session_authorization"));
            assertEquals("on", reported.get("standard_conforming_strings"));
            assertEquals("Etc/UTC", reported.get("TimeZone"));
            assertTrue(reported.get("server_version").startsWith("15"), reported.get("server_version"));
            ServerMessage key = messages.get(14);
            assertEquals(fixture.backend.processId, key.int32(0));
            assertEquals(fixture.backend.secretKey, key.int32(4));
            assertEquals('I', messages.get(15).status());
            assertEquals("idle", fixture.backend.info().state());
        }
    }

    @Test
    void startup_parameters_become_settings_and_are_reported() throws Exception {
        Map<String, String> startup = Map.of("user", "postgres", "database", "template1",
                "application_name", "psql", "client_encoding", "UTF8");
        try (BackendFixture fixture = BackendFixture.startRaw(startup)) {
            List<ServerMessage> messages = fixture.client.expect("RSSSSSSSSSSSSSKZ");
            assertEquals(List.of("application_name", "psql"), messages.get(1).parameter());
            List<ServerMessage> show = fixture.client.query("show application_name").expect("TDCZ");
            assertEquals(List.of("psql"), show.get(1).texts());
        }
    }

    @Test
    void a_newer_minor_version_and_protocol_options_are_negotiated_down_to_3_0() throws Exception {
        Map<String, String> startup = new LinkedHashMap<>(BackendFixture.POSTGRES);
        startup.put("_pq_.compression", "on");
        startup.put("application_name", "next");
        try (BackendFixture fixture = BackendFixture.startRaw((3 << 16) | 2, startup)) {
            List<ServerMessage> messages = fixture.client.expect("vRSSSSSSSSSSSSSKZ");
            ServerMessage negotiate = messages.get(0);
            assertEquals(3 << 16, negotiate.int32(0), "the newest version the server speaks, 3.0, as PostgreSQL sends it");
            assertEquals(1, negotiate.int32(4), "one option not recognised");
            assertEquals("_pq_.compression", new String(negotiate.body(), 8, "_pq_.compression".length(),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(List.of("application_name", "next"), messages.get(2).parameter());
        }
    }

    @Test
    void unknown_role_is_refused_with_a_fatal_error_and_the_connection_closes() throws Exception {
        assertRefused(Map.of("user", "bob"), "28000", "role \"bob\" does not exist");
    }

    @Test
    void unknown_database_is_refused() throws Exception {
        assertRefused(Map.of("user", "postgres", "database", "nosuch"), "3D000", "database \"nosuch\" does not exist");
    }

    @Test
    void invalid_startup_setting_is_refused() throws Exception {
        assertRefused(Map.of("user", "postgres", "TimeZone", "Mars/Olympus"), "22023",
                "invalid value for parameter \"TimeZone\": \"Mars/Olympus\"");
    }

    private static void assertRefused(Map<String, String> startup, String sqlState, String message)
            throws Exception {
        BackendFixture fixture = BackendFixture.startRaw(startup);
        try (PgTestClient client = fixture.client) {
            var error = client.read();
            assertEquals('E', error.type());
            assertEquals("FATAL", error.field('S'));
            assertEquals(sqlState, error.sqlState());
            assertEquals(message, error.field('M'));
            assertTrue(client.closedByServer());
            assertTrue(fixture.awaitExit());
        }
    }

    @Test
    void terminate_closes_the_connection_and_ends_the_backend() throws Exception {
        BackendFixture fixture = BackendFixture.start();
        try (PgTestClient client = fixture.client) {
            client.terminate();
            assertTrue(client.closedByServer());
            assertTrue(fixture.awaitExit());
        }
    }

    @Test
    void unknown_message_type_is_fatal() throws Exception {
        BackendFixture fixture = BackendFixture.start();
        try (PgTestClient client = fixture.client) {
            var error = client.message('Y', new byte[0]).read();
            assertEquals("FATAL", error.field('S'));
            assertEquals("08P01", error.sqlState());
            assertEquals("invalid frontend message type 89", error.field('M'));
            assertTrue(client.closedByServer());
            assertTrue(fixture.awaitExit());
        }
    }

    @Test
    void lost_connection_rolls_back_the_open_block() throws Exception {
        BackendFixture fixture = BackendFixture.start();
        try (PgTestClient client = fixture.client) {
            client.query("begin; create table lost(id int)").expect("CCZ");
        }
        assertTrue(fixture.awaitExit());
        assertTrue(fixture.services.storage().catalog().table("public", "lost").isEmpty());
    }
}
