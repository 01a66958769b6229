package org.modgres.session.impl;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PostgreSQL's {@code log_line_prefix}: the text put before each line of a session's audit trail,
 * with the escapes %m, %t (time with and without milliseconds), %p (process id), %u (user), %d
 * (database), %a (application name), %r and %h (remote host with and without port), %c (session
 * id), %l (the session's line number), %e (SQLSTATE), %q (ignored: every line here is a
 * session's) and %%, each optionally padded as {@code %-10u} or {@code %10u}. Unknown escapes print
 * nothing, as in PostgreSQL.
 */
final class LogLinePrefix {

    /** PostgreSQL 15's default. */
    static final String DEFAULT = "%m [%p] ";

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS z",
            Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z",
            Locale.ROOT);
    private static final String UNKNOWN = "[unknown]";

    /**
     * What one session's escapes print, learnt as the session starts: who it is once authenticated.
     * Only its backend writes it; lines are numbered in the order they are written.
     */
    static final class Session {
        private final int processId;
        private final Instant started = Instant.now();
        private final SocketAddress remote;
        private final AtomicLong lines = new AtomicLong();
        private volatile String user;
        private volatile String database;
        private volatile String applicationName;

        Session(int processId, SocketAddress remote) {
            this.processId = processId;
            this.remote = remote;
        }

        /** Records who the session is, once its startup packet is accepted. */
        void authorized(String newUser, String newDatabase, String newApplicationName) {
            this.user = newUser;
            this.database = newDatabase;
            this.applicationName = newApplicationName;
        }
    }

    private final String format;
    private final ZoneId zone;

    LogLinePrefix(String format, ZoneId zone) {
        this.format = format == null ? DEFAULT : format;
        this.zone = zone;
    }

    LogLinePrefix(String format) {
        this(format, ZoneId.systemDefault());
    }

    /** Returns the prefix of the session's next line, written at {@code now}. */
    String format(Session session, Instant now) {
        long line = session.lines.incrementAndGet();
        StringBuilder prefix = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c != '%' || i >= format.length()) {
                prefix.append(c);
                continue;
            }
            int paddingStart = i;
            if (format.charAt(i) == '-') {
                i++;
            }
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                i++;
            }
            if (i >= format.length()) {
                break;
            }
            String padding = format.substring(paddingStart, i);
            char escape = format.charAt(i++);
            String value = escape == '%' ? "%" : value(escape, session, now, line);
            prefix.append(padded(value, padding));
        }
        return prefix.toString();
    }

    private String value(char escape, Session session, Instant now, long line) {
        return switch (escape) {
            case 'm' -> MILLIS.format(now.atZone(zone));
            case 't' -> SECONDS.format(now.atZone(zone));
            case 'p' -> Integer.toString(session.processId);
            case 'u' -> orUnknown(session.user);
            case 'd' -> orUnknown(session.database);
            case 'a' -> orUnknown(session.applicationName);
            case 'r' -> session.remote instanceof InetSocketAddress inet
                    ? inet.getAddress().getHostAddress() + "(" + inet.getPort() + ")" : "[local]";
            case 'h' -> session.remote instanceof InetSocketAddress inet
                    ? inet.getAddress().getHostAddress() : "[local]";
            case 'c' -> Long.toHexString(session.started.getEpochSecond()) + "." + Integer.toHexString(
                    session.processId);
            case 'l' -> Long.toString(line);
            case 'e' -> "00000";
            default -> "";
        };
    }

    private static String orUnknown(String value) {
        return value == null || value.isEmpty() ? UNKNOWN : value;
    }

    /** Pads as printf's {@code %-Ns} (left-aligned) or {@code %Ns} does. */
    private static String padded(String value, String padding) {
        if (padding.isEmpty() || padding.equals("-")) {
            return value;
        }
        boolean left = padding.startsWith("-");
        int width = Integer.parseInt(left ? padding.substring(1) : padding);
        if (value.length() >= width) {
            return value;
        }
        String spaces = " ".repeat(width - value.length());
        return left ? value + spaces : spaces + value;
    }
}
