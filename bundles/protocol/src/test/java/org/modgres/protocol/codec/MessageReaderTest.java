package org.modgres.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.SqlState;
import org.modgres.protocol.MessageType;
import org.modgres.protocol.PgProtocolException;
import org.modgres.protocol.ProtocolLimits;
import org.modgres.protocol.frontend.Bind;
import org.modgres.protocol.frontend.FrontendMessage;
import org.modgres.protocol.frontend.Query;
import org.modgres.protocol.frontend.Sync;

class MessageReaderTest {

    private static byte[] encodeAll(List<FrontendMessage> messages) {
        return FrontendEncoder.concat(messages.stream().map(FrontendEncoder::encode).toArray(byte[][]::new));
    }

    private static void assertReadsAll(List<FrontendMessage> expected, InputStream in) throws IOException {
        MessageReader reader = new MessageReader(in);
        for (int round = 0; round < 2; round++) {
            for (FrontendMessage message : expected) {
                assertEquals(message, reader.read());
            }
        }
        assertNull(reader.read());
        assertNull(reader.read(), "the end of the stream stays the end");
    }

    private static PgProtocolException readFails(byte[] bytes) {
        return readFails(bytes, ProtocolLimits.defaults());
    }

    private static PgProtocolException readFails(byte[] bytes, ProtocolLimits limits) {
        MessageReader reader = new MessageReader(new ByteArrayInputStream(bytes), limits);
        return assertThrows(PgProtocolException.class, reader::read);
    }

    private static byte[] header(char type, int length) {
        return FrontendEncoder.bytes(out -> {
            out.writeByte(type);
            out.writeInt(length);
        });
    }

    @Test
    void round_trips_every_frontend_message_twice_on_one_stream() throws IOException {
        List<FrontendMessage> messages = SampleMessages.regularFrontendMessages();
        byte[] once = encodeAll(messages);
        assertReadsAll(messages, new ByteArrayInputStream(FrontendEncoder.concat(once, once)));
    }

    @Test
    void round_trips_every_frontend_message_fed_one_byte_at_a_time() throws IOException {
        List<FrontendMessage> messages = SampleMessages.regularFrontendMessages();
        byte[] once = encodeAll(messages);
        assertReadsAll(messages, new OneByteAtATimeInputStream(FrontendEncoder.concat(once, once)));
    }

    @Test
    void returns_null_when_the_client_goes_away_between_messages() throws IOException {
        assertNull(new MessageReader(new ByteArrayInputStream(new byte[0])).read());
    }

    @Test
    void rejects_an_unknown_type_byte_before_reading_a_length() {
        PgProtocolException e = readFails(new byte[] {0});
        assertEquals("invalid frontend message type 0", e.getMessage());
        assertEquals(SqlState.PROTOCOL_VIOLATION, e.sqlState());
        assertTrue(e.isFatal());
    }

    @Test
    void rejects_a_backend_only_type_byte() {
        assertEquals("invalid frontend message type 90", readFails(header('Z', 5)).getMessage());
    }

    @Test
    void rejects_a_length_over_the_large_message_cap_before_reading_the_body() {
        // Only the header is on the stream: reaching for the body would fail with another message.
        PgProtocolException e = readFails(header('Q', 2001), ProtocolLimits.defaults().withMaxLargeMessageLength(2000));
        assertEquals(SqlState.PROGRAM_LIMIT_EXCEEDED, e.sqlState());
        assertTrue(e.isFatal());
        assertEquals("message of type 'Q' is too long: 2001 bytes exceed the limit of 2000", e.getMessage());
    }

    @Test
    void rejects_the_largest_possible_length_with_default_limits() {
        assertEquals(SqlState.PROGRAM_LIMIT_EXCEEDED, readFails(header('B', Integer.MAX_VALUE)).sqlState());
    }

    @Test
    void rejects_small_messages_longer_than_their_cap() {
        PgProtocolException e = readFails(header('D', 10_001));
        assertEquals("invalid message length", e.getMessage());
        assertEquals(SqlState.PROTOCOL_VIOLATION, e.sqlState());
    }

    @Test
    void rejects_sync_flush_and_terminate_with_a_body() {
        for (char type : new char[] {'S', 'H', 'X', 'c'}) {
            byte[] bytes = FrontendEncoder.concat(header(type, 5), new byte[] {1});
            assertEquals("invalid message length", readFails(bytes).getMessage());
        }
    }

    @Test
    void rejects_a_length_word_smaller_than_itself() {
        assertEquals("invalid message length", readFails(header('Q', 3)).getMessage());
        assertEquals("invalid message length", readFails(header('Q', -1)).getMessage());
    }

    @Test
    void fails_when_the_stream_ends_inside_the_length_word() {
        PgProtocolException e = readFails(new byte[] {'Q', 0, 0});
        assertEquals("unexpected EOF within message length word", e.getMessage());
        assertTrue(e.isFatal());
    }

    @Test
    void fails_when_the_stream_ends_inside_the_body() {
        byte[] query = FrontendEncoder.encode(new Query("select 1"));
        byte[] truncated = java.util.Arrays.copyOf(query, query.length - 3);
        PgProtocolException e = readFails(truncated);
        assertEquals("incomplete message from client", e.getMessage());
        assertTrue(e.isFatal());
    }

    @Test
    void fails_without_allocating_when_a_huge_announced_body_never_arrives() {
        byte[] bytes = FrontendEncoder.concat(header('d', 500_000_000), new byte[] {1, 2, 3});
        assertEquals("incomplete message from client", readFails(bytes).getMessage());
    }

    @Test
    void rejects_bind_with_a_parameter_count_of_0xFFFF_and_no_values_without_losing_the_frame() throws IOException {
        byte[] bind = FrontendEncoder.message('B', out -> {
            out.write(new byte[] {0, 0});    // portal "", statement ""
            out.writeShort(0);               // no parameter formats
            out.writeShort(-1);              // parameter count, negative as a signed Int16
        });
        byte[] bytes = FrontendEncoder.concat(bind, FrontendEncoder.encode(Sync.INSTANCE));
        MessageReader reader = new MessageReader(new ByteArrayInputStream(bytes));
        PgProtocolException e = assertThrows(PgProtocolException.class, reader::read);
        assertEquals("insufficient data left in message", e.getMessage());
        assertEquals(SqlState.PROTOCOL_VIOLATION, e.sqlState());
        assertEquals(MessageType.BIND, e.messageType());
        assertFalse(e.isFatal(), "the frame was read whole, so the session can skip to Sync");
        assertEquals(Sync.INSTANCE, reader.read());
    }

    @Test
    void rejects_bind_with_a_negative_value_length_other_than_minus_one() {
        byte[] bind = FrontendEncoder.message('B', out -> {
            out.write(new byte[] {0, 0});
            out.writeShort(0);
            out.writeShort(1);
            out.writeInt(-2);
            out.writeShort(0);
        });
        assertEquals("insufficient data left in message", readFails(bind).getMessage());
    }

    @Test
    void rejects_bind_whose_format_count_matches_neither_one_nor_the_values() {
        byte[] bind = FrontendEncoder.encode(new Bind("", "", new short[] {0, 1}, new byte[][] {{1}, {2}, {3}},
                new short[0]));
        assertEquals("bind message has 2 parameter formats but 3 parameters", readFails(bind).getMessage());
    }

    @Test
    void rejects_parse_with_more_type_oids_announced_than_sent() {
        byte[] parse = FrontendEncoder.message('P', out -> {
            out.write(new byte[] {0, 's', 0});
            out.writeShort(3);
            out.writeInt(23);
        });
        assertEquals("insufficient data left in message", readFails(parse).getMessage());
    }

    @Test
    void rejects_a_string_without_its_nul_terminator() {
        byte[] query = FrontendEncoder.message('Q', out -> out.write("select 1".getBytes()));
        PgProtocolException e = readFails(query);
        assertEquals("invalid string in message", e.getMessage());
        assertEquals(MessageType.QUERY, e.messageType());
    }

    @Test
    void rejects_bytes_after_the_last_field() {
        byte[] execute = FrontendEncoder.message('E', out -> {
            out.writeByte(0);
            out.writeInt(0);
            out.writeByte(7);
        });
        assertEquals("invalid message format", readFails(execute).getMessage());
    }

    @Test
    void rejects_describe_and_close_of_something_other_than_statement_or_portal() {
        byte[] describe = FrontendEncoder.message('D', out -> out.write(new byte[] {'X', 0}));
        assertEquals("invalid DESCRIBE message subtype 88", readFails(describe).getMessage());
        byte[] close = FrontendEncoder.message('C', out -> out.write(new byte[] {'x', 0}));
        assertEquals("invalid CLOSE message subtype 120", readFails(close).getMessage());
    }

    @Test
    void keeps_sql_null_apart_from_an_empty_value() throws IOException {
        Bind bind = new Bind("", "", new short[0], new byte[][] {null, {}}, new short[0]);
        MessageReader reader = new MessageReader(new ByteArrayInputStream(FrontendEncoder.encode(bind)));
        Bind read = (Bind) reader.read();
        assertNull(read.parameterValues()[0]);
        assertEquals(0, read.parameterValues()[1].length);
    }
}
