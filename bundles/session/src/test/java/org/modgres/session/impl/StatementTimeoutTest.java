package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.StringJoiner;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** statement_timeout: set, shown and enforced as PostgreSQL does. */
class StatementTimeoutTest {

    @Test
    void durations_are_read_with_units_and_shown_in_the_largest_unit() {
        assertEquals(1500, TimeSetting.parseMillis("statement_timeout", "1500"));
        assertEquals(2000, TimeSetting.parseMillis("statement_timeout", "2s"));
        assertEquals(60_000, TimeSetting.parseMillis("statement_timeout", " 1 min "));
        assertEquals("1500ms", TimeSetting.format(1500));
        assertEquals("2s", TimeSetting.format(2000));
        assertEquals("1min", TimeSetting.format(60_000));
        assertEquals("0", TimeSetting.format(0));
        PgException bad = assertThrows(PgException.class, () -> TimeSetting.parseMillis("statement_timeout", "soon"));
        assertEquals(SqlState.INVALID_PARAMETER_VALUE, bad.sqlState());
        assertEquals("invalid value for parameter \"statement_timeout\": \"soon\"", bad.getMessage());
    }

    @Test
    void long_statement_is_cancelled_with_57014_and_the_session_goes_on() throws Exception {
        try (BackendFixture backend = BackendFixture.start()) {
            PgTestClient client = backend.client;
            StringJoiner values = new StringJoiner(", ", "insert into big values ", "");
            for (int i = 0; i < 600; i++) {
                values.add("(" + i + ")");
            }
            client.query("create table big(id int); " + values).expect("CCZ");
            client.query("set statement_timeout = '200ms'").expect("CZ");
            assertEquals(List.of("200ms"), client.query("show statement_timeout").expect("TDCZ").get(1).texts());

            long start = System.nanoTime();
            var error = client.query("select count(*) from big a, big b, big c").expect("TEZ").get(1);
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("57014", error.field('C'));
            assertEquals("canceling statement due to statement timeout", error.field('M'));
            assertTrue(elapsedMillis < 5_000, "cancelled after " + elapsedMillis + " ms");

            assertEquals(List.of("600"), client.query("select count(*) from big").expect("TDCZ").get(1).texts());
            client.query("reset statement_timeout").expect("CZ");
            assertEquals(List.of("0"), client.query("show statement_timeout").expect("TDCZ").get(1).texts());
        }
    }

    @Test
    void idle_in_transaction_timeout_ends_the_session_with_25P03() throws Exception {
        BackendFixture backend = BackendFixture.start();
        PgTestClient client = backend.client;
        client.query("set idle_in_transaction_session_timeout = 300").expect("CZ");
        client.query("select 1").expect("TDCZ");
        Thread.sleep(500);
        client.query("begin").expect("CZ");
        var fatal = client.read();
        assertEquals("25P03", fatal.field('C'));
        assertEquals("terminating connection due to idle-in-transaction timeout", fatal.field('M'));
        assertTrue(client.closedByServer());
        assertTrue(backend.awaitExit());
    }
}
