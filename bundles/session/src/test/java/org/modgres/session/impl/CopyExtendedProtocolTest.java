package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * COPY through Parse, Bind, Describe, Execute and Sync, as libpq's PQexecParams sends it; the
 * expected exchanges are what PostgreSQL 15 sends for the same messages.
 */
class CopyExtendedProtocolTest {

    private BackendFixture fixture;
    private PgTestClient client;

    @BeforeEach
    void start() throws Exception {
        fixture = BackendFixture.start();
        client = fixture.client;
        client.query("create table ct (a int, b text)").expect("CZ");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    /** Reads exactly this sequence of message types, for exchanges that stop before ReadyForQuery. */
    private List<ServerMessage> read(String types) {
        List<ServerMessage> messages = new ArrayList<>();
        for (int i = 0; i < types.length(); i++) {
            messages.add(client.read());
        }
        assertEquals(types, PgTestClient.types(messages), messages.toString());
        return messages;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Parse, Bind, Describe and Execute of the unnamed portal, then Sync, all in one write. */
    private void executeWithSync(String sql) {
        client.parse("", sql).bind("", "").describePortal("").execute("", 0).sync();
    }

    @Test
    void copy_in_answers_execute_and_ignores_the_sync_sent_with_it() {
        executeWithSync("copy ct from stdin");
        ServerMessage copyIn = read("12nG").get(3);
        assertEquals("00000200000000", HexFormat.of().formatHex(copyIn.body()));
        client.message('d', text("1\tx\n2\ty\n")).message('c', new byte[0]).sync();
        assertEquals("COPY 2", client.expect("CZ").get(0).tag());
        assertEquals(List.of("2"), client.query("select count(*) from ct").expect("TDCZ").get(1).texts());
    }

    @Test
    void copy_out_sends_its_rows_from_execute() {
        client.query("insert into ct values (1, 'x'), (2, 'y')").expect("CZ");
        executeWithSync("copy ct to stdout");
        List<ServerMessage> messages = client.expect("12nHddcCZ");
        assertEquals("00000200000000", HexFormat.of().formatHex(messages.get(3).body()));
        assertArrayEquals(text("1\tx\n"), messages.get(4).body());
        assertEquals("COPY 2", messages.get(7).tag());
    }

    @Test
    void binary_copy_out_sends_the_header_with_the_first_row() {
        client.query("insert into ct values (1, 'x'), (2, 'y')").expect("CZ");
        client.parse("", "copy ct to stdout (format binary)").bind("", "").execute("", 0).sync();
        List<ServerMessage> messages = client.expect("12HdddcCZ");
        HexFormat hex = HexFormat.of();
        assertEquals("01000200010001", hex.formatHex(messages.get(2).body()));
        assertEquals("5047434f50590aff0d0a000000000000000000000200000004000000010000000178",
                hex.formatHex(messages.get(3).body()));
        assertEquals("000200000004000000020000000179", hex.formatHex(messages.get(4).body()));
        assertEquals("ffff", hex.formatHex(messages.get(5).body()));
    }

    @Test
    void describing_a_copy_statement_answers_no_data() {
        client.parse("", "copy ct to stdout (format binary)").describeStatement("").sync().expect("1tnZ");
    }

    @Test
    void bad_data_fails_the_copy_and_the_connection_goes_on_after_sync() {
        executeWithSync("copy ct from stdin");
        read("12nG");
        client.message('d', text("zz\tx\n")).message('d', text("3\tx\n")).message('c', new byte[0]).sync();
        ServerMessage error = client.expect("EZ").get(0);
        assertEquals("22P02", error.sqlState());
        assertEquals("COPY ct, line 1, column a: \"zz\"", error.field('W'));
        assertEquals(List.of("0"), client.query("select count(*) from ct").expect("TDCZ").get(1).texts());
    }

    @Test
    void copy_fail_from_the_client_ends_the_copy_with_an_error() {
        client.parse("", "copy ct from stdin").bind("", "").execute("", 0).sync();
        read("12G");
        client.message('f', text("nope\0")).sync();
        ServerMessage error = client.expect("EZ").get(0);
        assertEquals("57014", error.sqlState());
        assertEquals("COPY from stdin failed: nope", error.field('M'));
        client.query("select 1").expect("TDCZ");
    }

    @Test
    void binary_copy_in_through_execute() {
        client.parse("", "copy ct from stdin (format binary)").bind("", "").execute("", 0).sync();
        assertEquals("01000200010001", HexFormat.of().formatHex(read("12G").get(2).body()));
        HexFormat hex = HexFormat.of();
        client.message('d', hex.parseHex("5047434f50590aff0d0a000000000000000000000200000004000000070000"))
                .message('d', hex.parseHex("000178ffff")).message('c', new byte[0]).sync();
        assertEquals("COPY 1", client.expect("CZ").get(0).tag());
        assertEquals(List.of("7", "x"), client.query("select * from ct").expect("TDCZ").get(1).texts());
    }
}
