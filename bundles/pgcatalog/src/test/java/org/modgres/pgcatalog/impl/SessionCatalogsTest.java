package org.modgres.pgcatalog.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.session.ClientConnection;
import org.modgres.api.session.SessionInfo;
import org.modgres.api.session.SessionManager;

/** pg_settings, pg_stat_activity and current_setting answer as PostgreSQL 15.18 does. */
class SessionCatalogsTest {

    private final CatalogHarness sql = new CatalogHarness();

    /** A session manager that only reports the backends it is given. */
    private record ListedSessions(List<SessionInfo> sessions) implements SessionManager {

        @Override
        public void serve(ClientConnection connection) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancel(int processId, int secretKey) {
        }

        @Override
        public boolean cancelStatement(int processId) {
            return false;
        }

        @Override
        public boolean terminate(int processId) {
            return false;
        }
    }

    @Test
    void pg_settings_lists_the_sessions_parameters_with_postgres_descriptions() {
        sql.settings.put("statement_timeout", "5s");
        sql.settings.put("modgres.extension", "x");
        assertEquals(List.of(
                        "application_name|harness||Reporting and Logging / What to Log|user|string|session|||",
                        "DateStyle|ISO, MDY||Client Connection Defaults / Locale and Formatting|user|string|default|||",
                        "modgres.extension|x||Customized Options|user|string|session|||",
                        "statement_timeout|5s|ms|Client Connection Defaults / Statement Behavior|user|integer|session"
                                + "|0|2147483647|",
                        "TimeZone|Etc/UTC||Client Connection Defaults / Locale and Formatting|user|string|default|||"),
                sql.lines("select name, setting, unit, category, context, vartype, source, min_val, max_val, enumvals "
                        + "from pg_settings"));
    }

    @Test
    void pg_settings_lists_the_values_of_enumerations() {
        sql.settings.put("transaction_isolation", "read committed");
        assertEquals(List.of("{serializable,\"repeatable read\",\"read committed\",\"read uncommitted\"}|override"),
                sql.lines("select enumvals, source from pg_settings where name = 'transaction_isolation'"));
    }

    @Test
    void current_setting_reads_a_parameter_by_any_spelling() {
        assertEquals(List.of("Etc/UTC|ISO, MDY|"),
                sql.lines("select current_setting('TimeZone'), current_setting('datestyle'), "
                        + "current_setting('nosuch', true)"));
        PgException e = assertThrows(PgException.class, () -> sql.query("select current_setting('nosuch')"));
        assertEquals(SqlState.UNDEFINED_OBJECT, e.sqlState());
        assertEquals("unrecognized configuration parameter \"nosuch\"", e.getMessage());
    }

    @Test
    void pg_stat_activity_lists_the_backends_of_the_session_manager() {
        Instant started = Instant.parse("2026-01-02T03:04:05.123456Z");
        List<SessionInfo> sessions = new ArrayList<>();
        sessions.add(new SessionInfo(101, "postgres", "postgres", "psql", "/127.0.0.1:50000", "active",
                "select 1", started, started.plusSeconds(1), started.plusSeconds(1)));
        sessions.add(new SessionInfo(102, "postgres", "template1", "", "unix socket", "idle in transaction",
                "begin", started, started, started.plusSeconds(2)));
        sql.source.sessionManager(new ListedSessions(sessions));
        assertEquals(List.of(
                        "5|postgres|101|10|postgres|psql|127.0.0.1|50000|2026-01-02 03:04:05.123456+00"
                                + "|2026-01-02 03:04:06.123456+00|||active|select 1|client backend",
                        "1|template1|102|10|postgres|||-1|2026-01-02 03:04:05.123456+00"
                                + "|2026-01-02 03:04:07.123456+00|Client|ClientRead|idle in transaction|begin"
                                + "|client backend"),
                sql.lines("select datid, datname, pid, usesysid, usename, application_name, client_addr, "
                        + "client_port, backend_start, query_start, wait_event_type, wait_event, state, query, "
                        + "backend_type from pg_stat_activity order by pid"));
    }

    @Test
    void pg_stat_activity_is_empty_without_a_session_manager() {
        assertEquals(List.of("0"), sql.lines("select count(*) from pg_stat_activity"));
    }

    @Test
    void client_addresses_of_tcp_and_unix_sockets() {
        assertEquals(new SessionCatalogs.ClientAddress("127.0.0.1", 5432),
                SessionCatalogs.ClientAddress.parse("/127.0.0.1:5432"));
        assertEquals(new SessionCatalogs.ClientAddress("::1", 6000),
                SessionCatalogs.ClientAddress.parse("/[::1]:6000"));
        assertEquals(new SessionCatalogs.ClientAddress(null, -1), SessionCatalogs.ClientAddress.parse("unix socket"));
        assertEquals(new SessionCatalogs.ClientAddress(null, -1), SessionCatalogs.ClientAddress.parse(null));
    }
}
