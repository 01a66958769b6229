package org.modgres.pgcatalog.impl;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.session.SessionInfo;

/**
 * The views of sessions: {@code pg_settings}, the run-time parameters of the session reading it,
 * and {@code pg_stat_activity}, the backends running now.
 */
final class SessionCatalogs {

    private static final String PG_CATALOG = "pg_catalog";

    /** Parameters SHOW knows and pg_settings leaves out, as PostgreSQL does. */
    private static final Set<String> NOT_LISTED = Set.of("is_superuser", "session_authorization");

    /** The characteristics of the current transaction, which PostgreSQL reports as overridden. */
    private static final Set<String> OVERRIDDEN = Set.of("transaction_isolation", "transaction_read_only",
            "transaction_deferrable");

    private SessionCatalogs() {
    }

    static List<SystemRelation> all(CatalogSource source) {
        return List.of(
                new CatalogRelation(source, PG_CATALOG, "pg_settings", 12104, true, "name text, setting text, "
                        + "unit text, category text, short_desc text, extra_desc text, context text, vartype text, "
                        + "source text, min_val text, max_val text, enumvals text[], boot_val text, reset_val text, "
                        + "sourcefile text, sourceline int4, pending_restart bool",
                        (model, context, rows) -> settingRows(context, rows)),
                new CatalogRelation(source, PG_CATALOG, "pg_stat_activity", 12222, true, "datid oid, datname name, "
                        + "pid int4, leader_pid int4, usesysid oid, usename name, application_name text, "
                        + "client_addr inet, client_hostname text, client_port int4, backend_start timestamptz, "
                        + "xact_start timestamptz, query_start timestamptz, state_change timestamptz, "
                        + "wait_event_type text, wait_event text, state text, backend_xid xid, backend_xmin xid, "
                        + "query_id int8, query text, backend_type text",
                        (model, context, rows) -> activityRows(source.sessions(), rows)));
    }

    private static void settingRows(SystemRelationContext context, Rows rows) {
        List<SettingDefinitions.Definition> definitions = new ArrayList<>();
        Map<String, String> settings = context.settings();
        for (String name : settings.keySet()) {
            if (!NOT_LISTED.contains(name)) {
                definitions.add(SettingDefinitions.of(name));
            }
        }
        definitions.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        for (SettingDefinitions.Definition definition : definitions) {
            String value = settings.get(definition.name().toLowerCase(java.util.Locale.ROOT));
            String source = OVERRIDDEN.contains(definition.name()) ? "override"
                    : value.equals(definition.bootValue()) ? "default" : "session";
            rows.add().set("name", definition.name()).set("setting", value).set("unit", orNull(definition.unit()))
                    .set("category", definition.category()).set("short_desc", orNull(definition.shortDescription()))
                    .set("extra_desc", orNull(definition.extraDescription())).set("context", definition.context())
                    .set("vartype", definition.type()).set("source", source)
                    .set("min_val", orNull(definition.minimum())).set("max_val", orNull(definition.maximum()))
                    .set("enumvals", definition.enumValues().isEmpty() ? null : definition.enumValues())
                    .set("boot_val", definition.bootValue()).set("reset_val", definition.bootValue())
                    .set("pending_restart", false);
        }
    }

    private static String orNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static void activityRows(List<SessionInfo> sessions, Rows rows) {
        for (SessionInfo session : sessions) {
            boolean idle = session.state().startsWith("idle");
            Instant stateChange = session.queryStart() != null ? session.queryStart() : session.backendStart();
            ClientAddress client = ClientAddress.parse(session.clientAddress());
            rows.add().set("datid", databaseOid(session.database())).set("datname", session.database())
                    .set("pid", session.processId()).set("usesysid", ObjectIds.POSTGRES_ROLE)
                    .set("usename", session.user()).set("application_name", session.applicationName())
                    .set("client_addr", client.host()).set("client_port", client.port())
                    .set("backend_start", time(session.backendStart()))
                    .set("xact_start", time(session.transactionStart()))
                    .set("query_start", time(session.queryStart())).set("state_change", time(stateChange))
                    .set("wait_event_type", idle ? "Client" : null).set("wait_event", idle ? "ClientRead" : null)
                    .set("state", session.state()).set("query", session.query())
                    .set("backend_xid", session.transactionId() == 0 ? null : session.transactionId())
                    .set("backend_type", "client backend");
        }
    }

    private static long databaseOid(String database) {
        return "template1".equals(database) ? ObjectIds.TEMPLATE1 : ObjectIds.POSTGRES_DATABASE;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * A client's address as pg_stat_activity shows it: the IP address and port of a TCP client;
     * no address and port -1 for a Unix-domain socket.
     */
    record ClientAddress(String host, int port) {

        /** Reads the text of a socket address, {@code /127.0.0.1:5432} or {@code /[::1]:5432}. */
        static ClientAddress parse(String address) {
            if (address == null || !address.contains("/")) {
                return new ClientAddress(null, -1);
            }
            String hostAndPort = address.substring(address.indexOf('/') + 1);
            int colon = hostAndPort.lastIndexOf(':');
            if (colon < 0) {
                return new ClientAddress(null, -1);
            }
            String host = hostAndPort.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                return new ClientAddress(host, Integer.parseInt(hostAndPort.substring(colon + 1)));
            } catch (NumberFormatException e) {
                return new ClientAddress(null, -1);
            }
        }
    }
}
