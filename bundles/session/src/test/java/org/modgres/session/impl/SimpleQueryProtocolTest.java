package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.session.impl.ServerMessage.Field;

class SimpleQueryProtocolTest {

    private BackendFixture fixture;
    private PgTestClient client;

    @BeforeEach
    void connect() throws Exception {
        fixture = BackendFixture.start();
        client = fixture.client;
    }

    @AfterEach
    void disconnect() throws Exception {
        fixture.close();
    }

    @Test
    void several_statements_answer_in_order_then_ready_for_query() {
        var m = client.query("create table t(id int, name text); insert into t values (1, 'a'), (2, null); "
                + "select id, name from t order by id").expect("CCTDDCZ");
        assertEquals("CREATE TABLE", m.get(0).tag());
        assertEquals("INSERT 0 2", m.get(1).tag());
        List<Field> fields = m.get(2).fields();
        assertEquals(List.of("id", "name"), fields.stream().map(Field::name).toList());
        assertEquals(List.of(23, 25), fields.stream().map(Field::typeOid).toList());
        assertEquals(List.of((short) 0, (short) 0), fields.stream().map(Field::format).toList());
        assertEquals(List.of("1", "a"), m.get(3).texts());
        assertEquals(Arrays.asList("2", null), m.get(4).texts());
        assertEquals("SELECT 2", m.get(5).tag());
        assertEquals('I', m.get(6).status());
    }

    @Test
    void empty_query_answers_empty_query_response() {
        client.query("").expect("IZ");
        client.query("  ").expect("IZ");
        client.query(";").expect("IZ");
    }

    @Test
    void error_mid_string_stops_the_rest_and_rolls_the_message_back() {
        var m = client.query("create table t(id int); select 1; select * from nosuch; select 2").expect("CTDCEZ");
        assertEquals("SELECT 1", m.get(3).tag());
        assertEquals("42P01", m.get(4).sqlState());
        assertEquals("relation \"nosuch\" does not exist", m.get(4).field('M'));
        assertEquals('I', m.get(5).status());
        assertEquals("42P01", client.query("select * from t").expect("EZ").get(0).sqlState(),
                "the statements before the error ran in the same implicit transaction");
    }

    @Test
    void transaction_block_reports_its_state_in_ready_for_query() {
        assertEquals('T', client.query("begin").expect("CZ").get(1).status());
        var inBlock = client.query("create table t(id int); insert into t values (1)").expect("CCZ");
        assertEquals('T', inBlock.get(2).status());
        var failed = client.query("select * from nosuch").expect("EZ");
        assertEquals('E', failed.get(1).status());
        var refused = client.query("select 1").expect("EZ");
        assertEquals("25P02", refused.get(0).sqlState());
        assertEquals("current transaction is aborted, commands ignored until end of transaction block",
                refused.get(0).field('M'));
        assertEquals('E', refused.get(1).status());
        var rollback = client.query("rollback").expect("CZ");
        assertEquals("ROLLBACK", rollback.get(0).tag());
        assertEquals('I', rollback.get(1).status());
        assertEquals("42P01", client.query("select * from t").expect("EZ").get(0).sqlState());
    }

    @Test
    void commit_of_a_failed_block_answers_rollback() {
        client.query("begin; create table t(id int)").expect("CCZ");
        client.query("select * from nosuch").expect("EZ");
        var commit = client.query("commit").expect("CZ");
        assertEquals("ROLLBACK", commit.get(0).tag());
        assertEquals('I', commit.get(1).status());
        client.query("select * from t").expect("EZ");
    }

    @Test
    void commit_makes_the_block_permanent() {
        client.query("begin").expect("CZ");
        client.query("create table t(id int); insert into t values (7)").expect("CCZ");
        assertEquals("COMMIT", client.query("commit").expect("CZ").get(0).tag());
        assertEquals(List.of("7"), client.query("select id from t").expect("TDCZ").get(1).texts());
    }

    @Test
    void needless_begin_commit_and_rollback_warn() {
        var twice = client.query("begin; begin").expect("CNCZ");
        assertEquals("WARNING", twice.get(1).field('S'));
        assertEquals("25001", twice.get(1).sqlState());
        assertEquals("there is already a transaction in progress", twice.get(1).field('M'));
        client.query("rollback").expect("CZ");
        for (String statement : List.of("commit", "rollback")) {
            var m = client.query(statement).expect("NCZ");
            assertEquals("25P01", m.get(0).sqlState());
            assertEquals("there is no transaction in progress", m.get(0).field('M'));
            assertEquals(statement.toUpperCase(Locale.ROOT), m.get(1).tag());
            assertEquals('I', m.get(2).status());
        }
    }

    @Test
    void set_reports_a_changed_parameter_before_ready_for_query_and_show_returns_it() {
        var set = client.query("set application_name = 'tests'").expect("CSZ");
        assertEquals("SET", set.get(0).tag());
        assertEquals(List.of("application_name", "tests"), set.get(1).parameter());
        client.query("set application_name = 'tests'").expect("CZ");
        client.query("set search_path = public").expect("CZ");
        var show = client.query("show application_name").expect("TDCZ");
        assertEquals("application_name", show.get(0).fields().get(0).name());
        assertEquals(List.of("tests"), show.get(1).texts());
        assertEquals("SHOW", show.get(2).tag());
        var reset = client.query("reset application_name").expect("CSZ");
        assertEquals(List.of("application_name", ""), reset.get(1).parameter());
        client.query("reset application_name").expect("CZ");
        var zone = client.query("set timezone = 'Europe/Paris'; set timezone = 'Asia/Tokyo'").expect("CCSZ");
        assertEquals(List.of("TimeZone", "Asia/Tokyo"), zone.get(2).parameter());
    }

    @Test
    void unknown_parameter_is_an_error() {
        var m = client.query("show no_such_setting").expect("EZ");
        assertEquals("42704", m.get(0).sqlState());
        assertEquals("unrecognized configuration parameter \"no_such_setting\"", m.get(0).field('M'));
    }
}
