package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * log_line_prefix on the audit trail, as PostgreSQL writes its log lines: the prefix with the
 * session's escapes, then {@code LOG:  } and the message.
 */
class LogLinePrefixIT {

    private static ModgresServer server;

    @BeforeAll
    static void start() {
        server = ModgresServer.start(List.of("-c", "log_connections=on", "-c", "log_statement=all",
                "-c", "log_line_prefix=%t [%p] %u@%d %a %h %l: "), dataDirectory -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void each_line_of_a_session_carries_its_prefix() throws Exception {
        ProcessResult psql = ProcessResult.run(List.of("psql", "-X", "-A", "-t", "-h", "127.0.0.1", "-p",
                String.valueOf(server.port()), "-U", "postgres", "-d", "postgres", "-c", "select 'prefixed'"),
                Map.of());
        assertEquals("prefixed", psql.output().strip());
        String log = server.log();
        String time = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\S+";
        assertTrue(log.matches("(?s).*" + time + " \\[\\d+\\] \\[unknown\\]@\\[unknown\\] \\[unknown\\] "
                + "127\\.0\\.0\\.1 1: LOG:  connection received: host=127\\.0\\.0\\.1 port=\\d+.*"), log);
        assertTrue(log.matches("(?s).*" + time + " \\[\\d+\\] postgres@postgres psql 127\\.0\\.0\\.1 2: LOG:  "
                + "connection authorized: user=postgres database=postgres application_name=psql.*"), log);
        assertTrue(log.matches("(?s).*" + time + " \\[\\d+\\] postgres@postgres psql 127\\.0\\.0\\.1 3: LOG:  "
                + "statement: select 'prefixed'.*"), log);
    }
}
