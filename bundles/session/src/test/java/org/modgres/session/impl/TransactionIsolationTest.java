package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The isolation level and access mode of transactions: BEGIN's modes, SET TRANSACTION, the
 * session defaults and their checks, as PostgreSQL 15 has them.
 */
class TransactionIsolationTest {

    private static String show(PgTestClient client, String name) {
        return client.query("show " + name).expect("TDCZ").get(1).texts().get(0);
    }

    @Test
    void show_reports_the_level_of_the_transaction_and_outside_one_the_default() throws Exception {
        try (BackendFixture fixture = BackendFixture.start()) {
            PgTestClient client = fixture.client;
            assertEquals("read committed", show(client, "transaction isolation level"));
            client.query("begin isolation level repeatable read").expect("CZ");
            assertEquals("repeatable read", show(client, "transaction_isolation"));
            client.query("commit").expect("CZ");
            assertEquals("read committed", show(client, "transaction_isolation"));
            client.query("start transaction isolation level read uncommitted, read only").expect("CZ");
            assertEquals("read uncommitted", show(client, "transaction_isolation"));
            assertEquals("on", show(client, "transaction_read_only"));
            client.query("end").expect("CZ");
            assertEquals("off", show(client, "transaction_read_only"));
        }
    }

    @Test
    void set_transaction_only_before_the_first_query_of_the_block() throws Exception {
        try (BackendFixture fixture = BackendFixture.start()) {
            PgTestClient client = fixture.client;
            client.query("create table t(id int)").expect("CZ");
            client.query("begin").expect("CZ");
            client.query("set transaction isolation level repeatable read").expect("CZ");
            assertEquals("repeatable read", show(client, "transaction_isolation"));
            client.query("select * from t").expect("TCZ");
            client.query("set transaction isolation level repeatable read").expect("CZ");
            var late = client.query("set transaction isolation level read committed").expect("EZ").get(0);
            assertEquals("25001", late.sqlState());
            assertEquals("SET TRANSACTION ISOLATION LEVEL must be called before any query", late.field('M'));
            client.query("rollback").expect("CZ");
            client.query("begin read only; select * from t; set transaction read only").expect("CTCCZ");
            assertEquals("transaction read-write mode must be set before any query",
                    client.query("set transaction read write").expect("EZ").get(0).field('M'));
            client.query("rollback").expect("CZ");
            var savepoint = client.query("begin; savepoint a; set transaction isolation level repeatable read")
                    .expect("CCEZ").get(2);
            assertEquals("SET TRANSACTION ISOLATION LEVEL must not be called in a subtransaction",
                    savepoint.field('M'));
            client.query("rollback").expect("CZ");
            var sameMessage = client.query("insert into t values (1); begin isolation level repeatable read")
                    .expect("CEZ").get(1);
            assertEquals("25001", sameMessage.sqlState());
        }
    }

    @Test
    void set_transaction_outside_a_block_warns_and_lasts_for_its_message() throws Exception {
        try (BackendFixture fixture = BackendFixture.start()) {
            PgTestClient client = fixture.client;
            var m = client.query("set transaction isolation level repeatable read").expect("NCZ");
            assertEquals("WARNING", m.get(0).field('S'));
            assertEquals("25P01", m.get(0).sqlState());
            assertEquals("SET TRANSACTION can only be used in transaction blocks", m.get(0).field('M'));
            assertEquals("read committed", show(client, "transaction_isolation"));
            var several = client.query("set transaction isolation level repeatable read; show transaction_isolation")
                    .expect("CTDCZ");
            assertEquals(List.of("repeatable read"), several.get(2).texts());
            client.query("set transaction_isolation = 'repeatable read'").expect("CZ");
            assertEquals("RESET TRANSACTION can only be used in transaction blocks",
                    client.query("reset transaction_isolation").expect("NCZ").get(0).field('M'));
        }
    }

    @Test
    void session_characteristics_set_the_default_of_every_transaction() throws Exception {
        try (BackendFixture fixture = BackendFixture.start()) {
            PgTestClient client = fixture.client;
            client.query("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ").expect("CZ");
            assertEquals("repeatable read", show(client, "default_transaction_isolation"));
            assertEquals("repeatable read", show(client, "transaction_isolation"));
            client.query("begin").expect("CZ");
            assertEquals("repeatable read", show(client, "transaction_isolation"));
            client.query("commit").expect("CZ");
            client.query("set default_transaction_isolation to 'READ COMMITTED'").expect("CZ");
            assertEquals("read committed", show(client, "transaction_isolation"));
            var bad = client.query("set default_transaction_isolation = 'bogus'").expect("EZ").get(0);
            assertEquals("22023", bad.sqlState());
            assertEquals("invalid value for parameter \"default_transaction_isolation\": \"bogus\"", bad.field('M'));
            assertEquals("Available values: serializable, repeatable read, read committed, read uncommitted.",
                    bad.field('H'));
            client.query("set default_transaction_isolation = 'repeatable read'; reset all").expect("CCZ");
            assertEquals("read committed", show(client, "default_transaction_isolation"));
        }
    }

    @Test
    void serializable_is_refused_rather_than_run_weaker() throws Exception {
        try (BackendFixture fixture = BackendFixture.start()) {
            PgTestClient client = fixture.client;
            var begin = client.query("begin isolation level serializable").expect("EZ");
            assertEquals("0A000", begin.get(0).sqlState());
            assertEquals("transaction isolation level SERIALIZABLE is not supported yet", begin.get(0).field('M'));
            assertEquals("Use REPEATABLE READ, the strictest level Modgres supports so far.", begin.get(0).field('H'));
            assertEquals('I', begin.get(1).status(), "no block was opened");
            assertEquals("0A000", client.query("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE")
                    .expect("EZ").get(0).sqlState());
            assertEquals("0A000", client.query("begin; set transaction isolation level serializable")
                    .expect("CEZ").get(1).sqlState());
            client.query("rollback").expect("CZ");
            assertEquals("read committed", show(client, "default_transaction_isolation"));
        }
    }

    @Test
    void read_only_transactions_refuse_to_write() throws Exception {
        try (BackendFixture fixture = BackendFixture.start()) {
            PgTestClient client = fixture.client;
            client.query("create table t(id int)").expect("CZ");
            client.query("begin read only; select * from t").expect("CTCZ");
            var insert = client.query("insert into t values (1)").expect("EZ").get(0);
            assertEquals("25006", insert.sqlState());
            assertEquals("cannot execute INSERT in a read-only transaction", insert.field('M'));
            client.query("rollback").expect("CZ");
            client.query("set default_transaction_read_only = on").expect("CSZ");
            assertEquals("cannot execute CREATE TABLE in a read-only transaction",
                    client.query("create table u(id int)").expect("EZ").get(0).field('M'));
            assertEquals("cannot execute DELETE in a read-only transaction",
                    client.query("delete from t").expect("EZ").get(0).field('M'));
            client.query("begin read write; insert into t values (1); commit").expect("CCCZ");
            client.query("set default_transaction_read_only = off").expect("CSZ");
            client.query("update t set id = 2").expect("CZ");
        }
    }

    @Test
    void default_isolation_from_the_startup_options() throws Exception {
        try (BackendFixture fixture = BackendFixture.startRaw(Map.of("user", "postgres", "database", "postgres",
                "options", "-c default_transaction_isolation=repeatable\\ read --statement-timeout=5s"))) {
            fixture.client.untilReady();
            assertEquals("repeatable read", show(fixture.client, "transaction_isolation"));
            assertEquals("5s", show(fixture.client, "statement_timeout"));
        }
    }

    @Test
    void serializable_in_the_startup_options_ends_the_connection() throws Exception {
        var fatal = refusedStartup("-c default_transaction_isolation=serializable");
        assertEquals("0A000", fatal.sqlState());
        assertEquals("Use REPEATABLE READ, the strictest level Modgres supports so far.", fatal.field('H'));
        var unknown = refusedStartup("-x");
        assertEquals("42601", unknown.sqlState());
        assertEquals("invalid command-line argument for server process: -x", unknown.field('M'));
    }

    private static ServerMessage refusedStartup(String options) throws Exception {
        BackendFixture fixture = BackendFixture.startRaw(Map.of("user", "postgres", "database", "postgres",
                "options", options));
        try (PgTestClient client = fixture.client) {
            var fatal = client.read();
            assertEquals("FATAL", fatal.field('S'));
            assertTrue(client.closedByServer());
            assertTrue(fixture.awaitExit());
            return fatal;
        }
    }
}
