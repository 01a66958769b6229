package org.modgres.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example extension bundles, dropped into {@code deploy/} of a running server as a user does
 * it, used from psql, listed by the shell, and gone again once their jars are removed.
 */
class ExtensionsIT {

    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(30);
    private static final String FALSE_FILTER_QUERY = "explain select * from ext_items where 1 = 0 and id > 2";

    private static ModgresServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ModgresServer.start();
        psql("create table ext_items (id int primary key, name text)");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static ProcessResult psql(String sql) throws Exception {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-A", "-t", "-h", "127.0.0.1",
                "-p", String.valueOf(server.port()), "-U", "postgres", "-d", "postgres", "-c", sql));
        return ProcessResult.run(command, Map.of());
    }

    /** Runs a psql command until its output passes the check, as a deployment takes a poll of FileInstall. */
    private static String awaitPsql(String sql, Predicate<String> check) throws Exception {
        long deadline = System.nanoTime() + DEPLOY_TIMEOUT.toNanos();
        String output = psql(sql).output();
        while (!check.test(output) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            output = psql(sql).output();
        }
        assertTrue(check.test(output), sql + " printed:\n" + output + "\n" + server.log());
        return output;
    }

    private static Path bundle(String property) {
        Path jar = Path.of(System.getProperty(property));
        assertTrue(Files.isRegularFile(jar), property + " " + jar);
        return jar;
    }

    @Test
    void function_bundle_adds_sql_functions_to_the_running_server_and_takes_them_away() throws Exception {
        ProcessResult before = psql("select digest('abc', 'sha256')");
        assertEquals(1, before.exitCode(), before.output());
        assertTrue(before.output().contains("function digest does not exist"), before.output());

        Path deployed = server.deployDirectory().resolve("crypto-functions.jar");
        Files.copy(bundle("modgres.example.functions.bundle"), deployed);
        String sha256 = awaitPsql("select digest('abc', 'sha256')", output -> output.startsWith("\\x"));
        assertEquals("\\xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", sha256.strip());
        assertEquals("\\xde7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9", psql(
                "select hmac('The quick brown fox jumps over the lazy dog', 'key', 'sha1')").output().strip());
        assertEquals("16", psql("select octet_length(gen_random_bytes(16))").output().strip());
        assertEquals("digest|2\ngen_random_bytes|1\nhmac|3", psql("select proname, pronargs from pg_proc"
                + " where proname in ('digest', 'hmac', 'gen_random_bytes') order by proname").output().strip());
        ProcessResult unknownHash = psql("select digest('abc', 'sha3')");
        assertEquals(1, unknownHash.exitCode());
        assertTrue(unknownHash.output().contains("Cannot use \"sha3\": No such hash algorithm"), unknownHash.output());
        String listed = server.shell("modgres:functions");
        assertTrue(listed.contains("digest(unknown, text) bytea") && listed.contains("org.modgres.example-crypto-functions"),
                listed);

        Files.delete(deployed);
        awaitPsql("select digest('abc', 'sha256')", output -> output.contains("function digest does not exist"));
        assertEquals("0", psql("select count(*) from pg_proc where proname = 'digest'").output().strip());
    }

    @Test
    void rule_bundle_changes_the_plans_of_the_running_planner_and_hands_them_back() throws Exception {
        String plain = psql(FALSE_FILTER_QUERY).output();
        assertTrue(plain.contains("LogicalTableScan"), plain);
        assertTrue(plain.contains("Planner: calcite"), plain);
        psql("insert into ext_items values (1, 'one'), (5, 'five')");

        Path deployed = server.deployDirectory().resolve("empty-filter-rule.jar");
        Files.copy(bundle("modgres.example.rule.bundle"), deployed);
        String pruned = awaitPsql(FALSE_FILTER_QUERY, output -> output.contains("LogicalValues(tuples=[[]])"));
        assertFalse(pruned.contains("LogicalTableScan"), pruned);
        assertEquals("", psql("select * from ext_items where 1 = 0 and id > 2").output().strip());
        assertEquals("5|five", psql("select * from ext_items where id between 3 and 10").output().strip(),
                "a filter that can be true is left alone");
        String rules = server.shell("modgres:rules");
        assertTrue(rules.contains("empty-filter") && rules.contains("EmptyFilterRule"), rules);

        Files.delete(deployed);
        awaitPsql(FALSE_FILTER_QUERY, output -> output.contains("LogicalTableScan"));
        assertFalse(server.shell("modgres:rules").contains("empty-filter"));
    }

    @Test
    void shell_takes_a_checkpoint_on_request() throws Exception {
        psql("insert into ext_items values (100, 'checkpointed')");
        assertTrue(server.shell("modgres:checkpoint").contains("checkpoint complete"), server.log());
        assertTrue(server.shell("modgres:checkpoint").contains("nothing to checkpoint"), server.log());
    }
}
