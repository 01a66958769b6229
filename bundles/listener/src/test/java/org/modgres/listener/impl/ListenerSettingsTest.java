package org.modgres.listener.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The listener's settings: configuration, command-line overrides, PostgreSQL's checks. */
class ListenerSettingsTest {

    private static ListenerSettings resolve(Map<String, String> properties) {
        return ListenerSettings.resolve(PostmasterTest.defaults(), properties::get);
    }

    @Test
    void defaults_put_the_socket_in_tmp_and_the_tls_files_in_the_data_directory() {
        ListenerSettings settings = resolve(Map.of("modgres.data_directory", "/srv/modgres"));
        assertEquals(5432, settings.port());
        assertEquals(List.of("127.0.0.1"), settings.listenAddresses());
        assertEquals(List.of(Path.of("/tmp")), settings.unixSocketDirectories());
        assertEquals(100, settings.maxConnections());
        assertEquals(60, settings.authenticationTimeoutSeconds());
        assertFalse(settings.ssl());
        assertEquals(Path.of("/srv/modgres/server.crt"), settings.sslCertFile());
        assertEquals(Path.of("/srv/modgres/server.key"), settings.sslKeyFile());
    }

    @Test
    void command_line_settings_win() {
        ListenerSettings settings = resolve(Map.of(
                "modgres.data_directory", "/srv/modgres",
                "modgres.port", "5433",
                "modgres.listen_addresses", "127.0.0.1, ::1",
                "modgres.unix_socket_directories", "/run/modgres,sockets",
                "modgres.max_connections", "3",
                "modgres.authentication_timeout", "5",
                "modgres.ssl", "on",
                "modgres.ssl_cert_file", "/etc/ssl/modgres.pem",
                "modgres.ssl_key_file", "tls/key.pem"));
        assertEquals(5433, settings.port());
        assertEquals(List.of("127.0.0.1", "::1"), settings.listenAddresses());
        assertEquals(List.of(Path.of("/run/modgres"), Path.of("/srv/modgres/sockets")),
                settings.unixSocketDirectories());
        assertEquals(3, settings.maxConnections());
        assertEquals(5, settings.authenticationTimeoutSeconds());
        assertTrue(settings.ssl());
        assertEquals(Path.of("/etc/ssl/modgres.pem"), settings.sslCertFile());
        assertEquals(Path.of("/srv/modgres/tls/key.pem"), settings.sslKeyFile());
    }

    @Test
    void an_empty_socket_directory_list_disables_unix_sockets() {
        assertEquals(List.of(), resolve(Map.of("modgres.unix_socket_directories", "")).unixSocketDirectories());
    }

    @Test
    void ssl_takes_postgres_boolean_spellings() {
        for (String on : List.of("on", "ON", "true", "t", "yes", "y", "1")) {
            assertTrue(resolve(Map.of("modgres.ssl", on)).ssl(), on);
        }
        for (String off : List.of("off", "of", "false", "f", "no", "n", "0")) {
            assertFalse(resolve(Map.of("modgres.ssl", off)).ssl(), off);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resolve(Map.of("modgres.ssl", "o")));
        assertEquals("parameter \"ssl\" requires a Boolean value", e.getMessage());
    }

    @Test
    void numbers_are_checked_with_postgres_messages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resolve(Map.of("modgres.max_connections", "lots")));
        assertEquals("invalid value for parameter \"max_connections\": \"lots\"", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> resolve(Map.of("modgres.max_connections", "0")));
        assertEquals("0 is outside the valid range for parameter \"max_connections\" (1 .. 262143)", e.getMessage());
    }
}
