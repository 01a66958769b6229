package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

class SessionSettingsTest {

    private final SessionSettings settings = new SessionSettings("postgres");

    @Test
    void reports_the_parameters_postgres_15_reports() {
        assertEquals(13, SessionSettings.REPORTED.size());
        assertEquals("ISO, MDY", settings.get("DateStyle"));
        assertEquals("TimeZone", SessionSettings.displayName("timezone"));
        assertEquals("postgres", settings.get("session_authorization"));
    }

    @Test
    void set_and_reset_change_the_session_value() {
        settings.set("application_name", "PostgreSQL JDBC Driver");
        assertEquals("PostgreSQL JDBC Driver", settings.get("application_name"));
        settings.set("TimeZone", "Europe/Zurich");
        assertEquals(ZoneId.of("Europe/Zurich"), settings.timeZone());
        settings.set("timezone", null);
        assertEquals("Etc/UTC", settings.get("timezone"));
    }

    @Test
    void unknown_and_read_only_parameters_are_refused_like_postgres() {
        PgException unknown = assertThrows(PgException.class, () -> settings.set("no_such_setting", "1"));
        assertEquals(SqlState.UNDEFINED_OBJECT, unknown.sqlState());
        assertEquals("unrecognized configuration parameter \"no_such_setting\"", unknown.getMessage());
        assertEquals(SqlState.CANT_CHANGE_RUNTIME_PARAM,
                assertThrows(PgException.class, () -> settings.set("server_version", "16")).sqlState());
        settings.set("myext.knob", "on");
        assertEquals("on", settings.get("myext.knob"));
    }

    @Test
    void settings_of_the_server_show_but_cannot_be_set_while_it_runs() {
        settings.serverSetting("shared_buffers", "16MB");
        assertEquals("16MB", settings.get("shared_buffers"));
        PgException fixed = assertThrows(PgException.class, () -> settings.set("shared_buffers", "1GB"));
        assertEquals(SqlState.CANT_CHANGE_RUNTIME_PARAM, fixed.sqlState());
        assertEquals("parameter \"shared_buffers\" cannot be changed without restarting the server", fixed.getMessage());
        assertEquals("16MB", settings.get("shared_buffers"));
    }
}
