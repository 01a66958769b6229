package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Errors in the extended protocol: one ErrorResponse, everything skipped up to Sync, one ReadyForQuery. */
class ExtendedQueryErrorTest {

    private BackendFixture fixture;
    private PgTestClient client;

    @BeforeEach
    void connect() throws Exception {
        fixture = BackendFixture.start();
        client = fixture.client;
        client.query("create table t(id int)").expect("CZ");
    }

    @AfterEach
    void disconnect() throws Exception {
        fixture.close();
    }

    @Test
    void after_an_error_everything_up_to_sync_is_skipped() {
        var e = client.parse("", "selec 1").bind("", "").describePortal("").execute("", 0)
                .parse("", "select 1").bind("", "").execute("", 0).sync().expect("EZ").get(0);
        assertEquals("42601", e.sqlState());
        assertEquals("syntax error at or near \"selec\"", e.field('M'));
        client.parse("", "select 1").bind("", "").execute("", 0).sync().expect("12DCZ");
    }

    @Test
    void a_query_message_after_an_error_is_skipped_too() {
        client.parse("", "selec").query("select 1").sync().expect("EZ");
    }

    @Test
    void malformed_bind_message_is_an_error_but_not_fatal() {
        var e = client.parse("", "select * from t where id = $1")
                .bind("", "", new short[] {0, 0}, new byte[][] {{'1'}}, new short[0]).sync().expect("1EZ").get(1);
        assertEquals("08P01", e.sqlState());
        assertEquals("ERROR", e.field('S'));
        assertEquals("bind message has 2 parameter formats but 1 parameters", e.field('M'));
        client.query("select 1").expect("TDCZ");
    }

    @Test
    void error_in_a_pipeline_rolls_back_what_ran_before_it_since_sync() {
        var e = client.parse("", "insert into t values (1)").bind("", "").execute("", 0)
                .parse("", "select * from nosuch").bind("", "").execute("", 0).sync().expect("12CEZ").get(3);
        assertEquals("42P01", e.sqlState());
        var count = client.query("select count(*) from t").expect("TDCZ");
        assertEquals(List.of("0"), count.get(1).texts());
    }

    @Test
    void error_in_a_block_fails_it_until_rollback() {
        var m = client.parse("", "begin").bind("", "").execute("", 0).parse("", "select * from nosuch")
                .sync().expect("12CEZ");
        assertEquals('E', m.get(4).status());
        assertEquals("25P02", client.parse("x", "select 1").sync().expect("EZ").get(0).sqlState());
        var rollback = client.parse("", "rollback").bind("", "").execute("", 0).sync().expect("12CZ");
        assertEquals("ROLLBACK", rollback.get(2).tag());
        assertEquals('I', rollback.get(3).status());
    }

    @Test
    void queries_are_not_described_in_a_failed_block() {
        client.parse("s", "select * from t").sync().expect("1Z");
        client.query("begin; select * from nosuch").expect("CEZ");
        assertEquals("25P02", client.describeStatement("s").sync().expect("EZ").get(0).sqlState());
        client.parse("", "rollback").describeStatement("").sync().expect("1tnZ");
        client.bind("", "").execute("", 0).sync().expect("2CZ");
    }

    @Test
    void duplicate_named_statement() {
        client.parse("s", "select 1").sync().expect("1Z");
        var e = client.parse("s", "select 2").sync().expect("EZ").get(0);
        assertEquals("42P05", e.sqlState());
        assertEquals("prepared statement \"s\" already exists", e.field('M'));
    }

    @Test
    void unnamed_statement_is_simply_replaced() {
        client.parse("", "select 1").parse("", "select 2").bind("", "").execute("", 0).sync().expect("112DCZ");
    }

    @Test
    void unknown_statement() {
        var e = client.bind("", "nosuch").sync().expect("EZ").get(0);
        assertEquals("26000", e.sqlState());
        assertEquals("prepared statement \"nosuch\" does not exist", e.field('M'));
        assertEquals("26000", client.describeStatement("nosuch").sync().expect("EZ").get(0).sqlState());
    }

    @Test
    void unknown_portal() {
        var e = client.describePortal("nosuch").sync().expect("EZ").get(0);
        assertEquals("34000", e.sqlState());
        assertEquals("portal \"nosuch\" does not exist", e.field('M'));
    }

    @Test
    void wrong_parameter_count() {
        var e = client.parse("s", "insert into t values ($1)").bind("", "s").sync().expect("1EZ").get(1);
        assertEquals("08P01", e.sqlState());
        assertEquals("bind message supplies 0 parameters, but prepared statement \"s\" requires 1", e.field('M'));
    }

    @Test
    void several_statements_in_one_parse() {
        var e = client.parse("", "select 1; select 2").sync().expect("EZ").get(0);
        assertEquals("42601", e.sqlState());
        assertEquals("cannot insert multiple commands into a prepared statement", e.field('M'));
    }

    @Test
    void malformed_text_parameter() {
        var e = client.parse("", "select * from t where id = $1").bind("", "", "abc").sync().expect("1EZ").get(1);
        assertEquals("22P02", e.sqlState());
        assertEquals("invalid input syntax for type integer: \"abc\"", e.field('M'));
    }

    @Test
    void malformed_binary_parameter() {
        var e = client.parse("", "select * from t where id = $1")
                .bind("", "", new short[] {1}, new byte[][] {{0, 0, 0, 0, 1}}, new short[0]).sync().expect("1EZ")
                .get(1);
        assertEquals("22P03", e.sqlState());
        assertEquals("incorrect binary data format in bind parameter 1", e.field('M'));
    }

    @Test
    void error_response_is_the_only_answer_to_an_execute_that_fails_midway() {
        client.query("insert into t values (1), (0)").expect("CZ");
        var e = client.parse("", "select 10 / id from t").bind("", "").execute("", 0).sync().expect("12DEZ").get(3);
        assertEquals("22012", e.sqlState());
        assertEquals("division by zero", e.field('M'));
    }
}
