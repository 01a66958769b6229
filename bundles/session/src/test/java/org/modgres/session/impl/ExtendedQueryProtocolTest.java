package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modgres.session.impl.ServerMessage.Field;

/** The extended protocol's message flow when everything succeeds. */
class ExtendedQueryProtocolTest {

    private BackendFixture fixture;
    private PgTestClient client;

    @BeforeEach
    void connect() throws Exception {
        fixture = BackendFixture.start();
        client = fixture.client;
        client.query("create table t(id int, name text); insert into t values (1, 'a'), (2, 'b'), (3, 'c')")
                .expect("CCZ");
    }

    @AfterEach
    void disconnect() throws Exception {
        fixture.close();
    }

    @Test
    void parse_bind_describe_execute_sync() {
        var m = client.parse("", "select id, name from t where id < $1 order by id").bind("", "", "3")
                .describePortal("").execute("", 0).sync().expect("12TDDCZ");
        assertEquals(List.of("id", "name"), m.get(2).fields().stream().map(Field::name).toList());
        assertEquals(List.of("1", "a"), m.get(3).texts());
        assertEquals(List.of("2", "b"), m.get(4).texts());
        assertEquals("SELECT 2", m.get(5).tag());
        assertEquals('I', m.get(6).status());
    }

    @Test
    void describe_statement_infers_the_parameter_types() {
        var m = client.parse("s", "select * from t where id = $1").describeStatement("s").sync().expect("1tTZ");
        assertEquals(List.of(23), m.get(1).parameterOids());
        List<Field> fields = m.get(2).fields();
        assertEquals(List.of("id", "name"), fields.stream().map(Field::name).toList());
        assertEquals(List.of(23, 25), fields.stream().map(Field::typeOid).toList());
        assertEquals(List.of((short) 0, (short) 0), fields.stream().map(Field::format).toList(),
                "formats are not known before Bind");
    }

    @Test
    void describe_of_a_statement_without_rows_answers_no_data() {
        var m = client.parse("ins", "insert into t values ($1, $2)").describeStatement("ins").sync().expect("1tnZ");
        assertEquals(List.of(23, 25), m.get(1).parameterOids());
        client.bind("", "ins", "4", "d").describePortal("").execute("", 0).sync().expect("2nCZ");
    }

    @Test
    void declared_parameter_types_win_over_inferred_ones() {
        var m = client.parse("s", "select * from t where id = $1", 20).describeStatement("s").sync().expect("1tTZ");
        assertEquals(List.of(20), m.get(1).parameterOids());
    }

    @Test
    void several_statements_pipelined_before_one_sync() {
        var m = client.parse("", "insert into t values ($1, $2)").bind("", "", "4", "d").execute("", 0)
                .parse("", "update t set name = 'x' where id > $1").bind("", "", "2").execute("", 0)
                .parse("", "select name from t order by id").bind("", "").execute("", 0)
                .sync().expect("12C12C12DDDDCZ");
        assertEquals("INSERT 0 1", m.get(2).tag());
        assertEquals("UPDATE 2", m.get(5).tag());
        assertEquals(List.of("a", "b", "x", "x"), m.subList(8, 12).stream().map(r -> r.texts().get(0)).toList());
        assertEquals("SELECT 4", m.get(12).tag());
    }

    @Test
    void named_statement_is_reused_with_new_parameters() {
        client.parse("byId", "select name from t where id = $1").sync().expect("1Z");
        for (String id : List.of("1", "3")) {
            var m = client.bind("", "byId", id).execute("", 0).sync().expect("2DCZ");
            assertEquals(id.equals("1") ? "a" : "c", m.get(1).texts().get(0));
        }
    }

    @Test
    void empty_statement_answers_empty_query_response() {
        client.parse("", "").bind("", "").describePortal("").execute("", 0).sync().expect("12nIZ");
    }

    @Test
    void begin_in_the_extended_protocol_opens_a_block() {
        var m = client.parse("", "begin").bind("", "").describePortal("").execute("", 0).sync().expect("12nCZ");
        assertEquals("BEGIN", m.get(3).tag());
        assertEquals('T', m.get(4).status());
        assertEquals('I', client.query("commit").expect("CZ").get(1).status());
    }

    @Test
    void show_through_the_extended_protocol() {
        var m = client.parse("", "show timezone").bind("", "").describePortal("").execute("", 0).sync()
                .expect("12TDCZ");
        assertEquals("TimeZone", m.get(2).fields().get(0).name());
        assertEquals(List.of("Etc/UTC"), m.get(3).texts());
        assertEquals("SHOW", m.get(4).tag());
    }

    @Test
    void flush_sends_what_is_pending_without_ready_for_query() {
        client.parse("", "select 1").flush();
        assertEquals('1', client.read().type());
        client.bind("", "").execute("", 0).flush();
        assertEquals("2DC", PgTestClient.types(List.of(client.read(), client.read(), client.read())));
        client.sync().expect("Z");
    }

    @Test
    void set_through_the_extended_protocol_reports_the_change_before_ready_for_query() {
        var m = client.parse("", "set application_name = 'ext'").bind("", "").execute("", 0).sync()
                .expect("12CSZ");
        assertEquals(List.of("application_name", "ext"), m.get(3).parameter());
    }

    @Test
    void close_drops_statements_and_portals_and_always_completes() {
        client.parse("s", "select 1").bind("p", "s").closePortal("p").closeStatement("s")
                .closePortal("never").closeStatement("never").sync().expect("123333Z");
        var m = client.bind("", "s").sync().expect("EZ");
        assertEquals("26000", m.get(0).sqlState());
    }

    @Test
    void null_parameter() {
        var m = client.parse("", "select name from t where id = $1").bind("", "", (String) null).execute("", 0)
                .sync().expect("12CZ");
        assertEquals("SELECT 0", m.get(2).tag());
    }
}
