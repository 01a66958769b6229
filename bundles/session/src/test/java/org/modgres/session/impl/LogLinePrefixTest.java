package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** log_line_prefix's escapes print what PostgreSQL 15's print. */
class LogLinePrefixTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:10:11.123Z");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static LogLinePrefix.Session session() {
        return new LogLinePrefix.Session(4242, new InetSocketAddress(InetAddress.getLoopbackAddress(), 51234));
    }

    @Test
    void the_default_is_the_time_and_process_id() {
        assertEquals("2026-11-26 09:10:11.123 UTC [4242] ", new LogLinePrefix(null, UTC).format(session(), NOW));
    }

    @Test
    void escapes_print_the_session_and_unknown_before_authentication() {
        LogLinePrefix prefix = new LogLinePrefix("%t %u@%d %a %r %h %e %l %q%%|%-8u|%6p|%z", UTC);
        LogLinePrefix.Session session = session();
        assertEquals("2026-11-26 09:10:11 UTC [unknown]@[unknown] [unknown] 127.0.0.1(51234) 127.0.0.1 00000 1 "
                + "%|[unknown]|  4242|", prefix.format(session, NOW));
        session.authorized("alice", "postgres", "psql");
        assertEquals("2026-11-26 09:10:11 UTC alice@postgres psql 127.0.0.1(51234) 127.0.0.1 00000 2 "
                + "%|alice   |  4242|", prefix.format(session, NOW));
    }

    @Test
    void the_session_id_is_its_start_time_and_process_id_in_hexadecimal() {
        String id = new LogLinePrefix("%c", UTC).format(session(), NOW);
        assertEquals("1092", id.substring(id.indexOf('.') + 1));
        assertEquals(Instant.now().getEpochSecond(), Long.parseLong(id.substring(0, id.indexOf('.')), 16), 5);
    }

    @Test
    void a_unix_socket_session_is_local() {
        assertEquals("[local] [local]", new LogLinePrefix("%r %h", UTC).format(new LogLinePrefix.Session(1, null),
                NOW));
    }
}
