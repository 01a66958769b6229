package org.modgres.session.impl;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.modgres.api.sql.StatementKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail PostgreSQL's logging settings ask for, through the {@code org.modgres.audit}
 * logger in PostgreSQL's words: connections ({@code log_connections}), disconnections with the
 * session's length ({@code log_disconnections}) and statements ({@code log_statement} = none, ddl,
 * mod or all), each line after the session's {@code log_line_prefix} (PostgreSQL's default
 * {@code %m [%p] }) and PostgreSQL's {@code LOG:  }. Server-wide, from {@code -c name=value} or
 * {@code modgres.name} in etc/modgres.properties. Passwords in role statements are masked, so
 * that no secret reaches the log.
 */
final class AuditLog {

    /** Logs nothing: for backends made without a server, as tests make them. */
    static final AuditLog OFF = new AuditLog(false, false, Set.of(), new LogLinePrefix(null));

    private static final Logger LOG = LoggerFactory.getLogger("org.modgres.audit");
    private static final Pattern PASSWORD = Pattern.compile("(?i)(\\bpassword\\s+)(?:[eE]?'(?:[^']|'')*'|\\S+)");
    private static final Set<StatementKind> DDL = EnumSet.of(StatementKind.CREATE_TABLE, StatementKind.DROP_TABLE,
            StatementKind.ALTER_TABLE, StatementKind.CREATE_ROLE, StatementKind.ALTER_ROLE, StatementKind.DROP_ROLE,
            StatementKind.CREATE_SEQUENCE, StatementKind.ALTER_SEQUENCE, StatementKind.DROP_SEQUENCE,
            StatementKind.CREATE_INDEX, StatementKind.DROP_INDEX,
            StatementKind.GRANT, StatementKind.REVOKE);
    private static final Set<StatementKind> MODIFICATIONS = EnumSet.of(StatementKind.INSERT, StatementKind.UPDATE,
            StatementKind.DELETE, StatementKind.TRUNCATE, StatementKind.COPY);

    private final boolean connections;
    private final boolean disconnections;
    /** The kinds of statements logged; null for all of them. */
    private final Set<StatementKind> statements;
    private final LogLinePrefix prefix;

    private AuditLog(boolean connections, boolean disconnections, Set<StatementKind> statements,
                     LogLinePrefix prefix) {
        this.connections = connections;
        this.disconnections = disconnections;
        this.statements = statements;
        this.prefix = prefix;
    }

    /** Reads the settings from the server's properties ({@code modgres.log_connections}, ...). */
    static AuditLog of(UnaryOperator<String> serverSetting) {
        String level = serverSetting.apply("modgres.log_statement");
        Set<StatementKind> statements = switch (level == null ? "none" : level.toLowerCase(Locale.ROOT)) {
            case "none" -> Set.of();
            case "ddl" -> DDL;
            case "mod" -> union(DDL, MODIFICATIONS);
            case "all" -> null;
            default -> throw new IllegalArgumentException("invalid value for parameter \"log_statement\": \""
                    + level + "\" (none, ddl, mod or all)");
        };
        return new AuditLog(on(serverSetting.apply("modgres.log_connections")),
                on(serverSetting.apply("modgres.log_disconnections")), statements,
                new LogLinePrefix(serverSetting.apply("modgres.log_line_prefix")));
    }

    private static Set<StatementKind> union(Set<StatementKind> a, Set<StatementKind> b) {
        Set<StatementKind> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }

    private static boolean on(String value) {
        return value != null && switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            default -> false;
        };
    }

    void connectionReceived(LogLinePrefix.Session session, SocketAddress remote) {
        if (connections) {
            LOG.info("{}LOG:  connection received: {}", prefix(session), where(remote));
        }
    }

    void connectionAuthorized(LogLinePrefix.Session session, String user, String database, String applicationName) {
        session.authorized(user, database, applicationName);
        if (connections) {
            LOG.info("{}LOG:  connection authorized: user={} database={}{}", prefix(session), user, database,
                    applicationName.isEmpty() ? "" : " application_name=" + applicationName);
        }
    }

    void disconnection(LogLinePrefix.Session session, Duration sessionTime, String user, String database,
                       SocketAddress remote) {
        if (disconnections) {
            LOG.info("{}LOG:  disconnection: session time: {}:{}:{}.{} user={} database={} {}", prefix(session),
                    sessionTime.toHours(), twoDigits(sessionTime.toMinutesPart()),
                    twoDigits(sessionTime.toSecondsPart()),
                    String.format(Locale.ROOT, "%03d", sessionTime.toMillisPart()), user, database, where(remote));
        }
    }

    /** Logs a statement of a simple Query when log_statement covers its kind. */
    void statement(LogLinePrefix.Session session, StatementKind kind, String text) {
        if (covers(kind)) {
            LOG.info("{}LOG:  statement: {}", prefix(session), masked(text));
        }
    }

    /** Logs the Execute of a prepared statement (unnamed when the name is empty) when log_statement covers it. */
    void execute(LogLinePrefix.Session session, String statementName, StatementKind kind, String text) {
        if (covers(kind)) {
            LOG.info("{}LOG:  execute {}: {}", prefix(session), statementName.isEmpty() ? "<unnamed>" : statementName,
                    masked(text));
        }
    }

    private String prefix(LogLinePrefix.Session session) {
        return prefix.format(session, Instant.now());
    }

    private boolean covers(StatementKind kind) {
        return statements == null || statements.contains(kind);
    }

    private static String masked(String text) {
        return PASSWORD.matcher(text).replaceAll("$1'********'");
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    private static String where(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet
                ? "host=" + inet.getAddress().getHostAddress() + " port=" + inet.getPort()
                : "host=[local]";
    }
}
