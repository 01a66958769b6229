package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modgres.itests.slt.SltRunner;

/**
 * The sqllogictest conformance suite (src/test/resources/slt, recorded from PostgreSQL 15 by
 * itests/slt/check-against-postgres.sh --record) played over pgjdbc against Modgres: every statement
 * must succeed or fail with the recorded SQLSTATE, and every query must return the recorded rows as
 * the text pgjdbc's getString returns. Cases marked {@code skipif modgres} are known differences.
 */
class SqlLogicTestIT {

    private static ModgresServer server;

    @BeforeAll
    static void start() {
        server = ModgresServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void every_case_returns_what_postgres_returned() throws Exception {
        SltRunner runner = new SltRunner(server::connect, SltRunner.Target.MODGRES, false, System.out);
        SltRunner.Summary summary = runner.run(SltRunner.files(suiteDirectory()));
        assertTrue(summary.failures().isEmpty(), summary.failed() + " sqllogictest cases failed:\n"
                + summary.failures().stream().map(Object::toString).collect(Collectors.joining("\n")));
        int cases = summary.passed() + summary.failed() + summary.skipped();
        assertTrue(cases >= 800, "the suite should hold at least 800 cases, it holds " + cases);
    }

    private static Path suiteDirectory() throws URISyntaxException {
        return Path.of(SqlLogicTestIT.class.getResource("/slt").toURI());
    }
}
