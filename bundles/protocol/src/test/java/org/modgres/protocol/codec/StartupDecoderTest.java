package org.modgres.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.SqlState;
import org.modgres.protocol.PgProtocolException;
import org.modgres.protocol.frontend.CancelRequest;
import org.modgres.protocol.frontend.StartupMessage;
import org.modgres.protocol.frontend.StartupPacket;
import org.modgres.protocol.frontend.Sync;

class StartupDecoderTest {
    private final StartupDecoder decoder = new StartupDecoder();

    private static byte[] encodeAll(List<? extends StartupPacket> packets) {
        return FrontendEncoder.concat(packets.stream().map(FrontendEncoder::encode).toArray(byte[][]::new));
    }

    private void assertReadsAll(List<StartupPacket> expected, InputStream in) throws IOException {
        for (int round = 0; round < 2; round++) {
            for (StartupPacket packet : expected) {
                assertEquals(packet, decoder.read(in));
            }
        }
        assertNull(decoder.read(in));
    }

    private PgProtocolException readFails(byte[] bytes) {
        return assertThrows(PgProtocolException.class, () -> decoder.read(new ByteArrayInputStream(bytes)));
    }

    private static byte[] packet(int length, int code) {
        return FrontendEncoder.bytes(out -> {
            out.writeInt(length);
            out.writeInt(code);
        });
    }

    @Test
    void round_trips_every_startup_packet_twice_on_one_stream() throws IOException {
        List<StartupPacket> packets = SampleMessages.startupPackets();
        byte[] once = encodeAll(packets);
        assertReadsAll(packets, new ByteArrayInputStream(FrontendEncoder.concat(once, once)));
    }

    @Test
    void round_trips_every_startup_packet_fed_one_byte_at_a_time() throws IOException {
        List<StartupPacket> packets = SampleMessages.startupPackets();
        byte[] once = encodeAll(packets);
        assertReadsAll(packets, new OneByteAtATimeInputStream(FrontendEncoder.concat(once, once)));
    }

    @Test
    void keeps_parameters_in_the_order_sent() throws IOException {
        StartupMessage m = (StartupMessage) SampleMessages.startupPackets().get(3);
        StartupMessage read = (StartupMessage) decoder.read(new ByteArrayInputStream(FrontendEncoder.encode(m)));
        assertEquals(List.copyOf(m.parameters().keySet()), List.copyOf(read.parameters().keySet()));
        assertEquals("postgres", read.user());
        assertEquals("pgcap", read.database());
        assertEquals("tëst ☃", read.parameters().get("application_name"));
    }

    @Test
    void reads_exactly_the_packet_and_leaves_what_follows() throws IOException {
        byte[] bytes = FrontendEncoder.concat(FrontendEncoder.encode(new CancelRequest(1, 2)),
                FrontendEncoder.encode(Sync.INSTANCE));
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        assertInstanceOf(CancelRequest.class, decoder.read(in));
        assertEquals(5, in.available());
    }

    @Test
    void database_defaults_to_the_user_name() {
        LinkedHashMap<String, String> parameters = new LinkedHashMap<>();
        parameters.put("user", "alice");
        assertEquals("alice", new StartupMessage(StartupMessage.PROTOCOL_3_0, parameters).database());
    }

    @Test
    void returns_null_when_the_client_closes_without_sending_anything() throws IOException {
        assertNull(decoder.read(new ByteArrayInputStream(new byte[0])));
    }

    @Test
    void accepts_a_startup_packet_of_exactly_10000_bytes() throws IOException {
        byte[] bytes = startupMessageOfLength(10_000);
        assertInstanceOf(StartupMessage.class, decoder.read(new ByteArrayInputStream(bytes)));
    }

    @Test
    void rejects_startup_packet_longer_than_10000_bytes() {
        PgProtocolException e = readFails(startupMessageOfLength(10_001));
        assertEquals("invalid length of startup packet", e.getMessage());
        assertEquals(SqlState.PROTOCOL_VIOLATION, e.sqlState());
        assertTrue(e.isFatal());
    }

    @Test
    void rejects_the_length_before_reading_the_packet() {
        assertEquals("invalid length of startup packet", readFails(packet(Integer.MAX_VALUE, 0)).getMessage());
    }

    @Test
    void rejects_startup_packet_shorter_than_8_bytes() {
        assertEquals("invalid length of startup packet",
                readFails(FrontendEncoder.bytes(out -> out.writeInt(7))).getMessage());
    }

    @Test
    void rejects_protocol_versions_other_than_3() {
        PgProtocolException v2 = readFails(FrontendEncoder.concat(packet(9, 2 << 16), new byte[] {0}));
        assertEquals("unsupported frontend protocol 2.0: server supports 3.0 to 3.0", v2.getMessage());
        assertEquals(SqlState.FEATURE_NOT_SUPPORTED, v2.sqlState());
        PgProtocolException v4 = readFails(FrontendEncoder.concat(packet(9, (4 << 16) | 1), new byte[] {0}));
        assertEquals("unsupported frontend protocol 4.1: server supports 3.0 to 3.0", v4.getMessage());
    }

    @Test
    void accepts_a_newer_minor_version_for_the_session_to_negotiate() throws IOException {
        byte[] bytes = FrontendEncoder.concat(packet(9, (3 << 16) | 2), new byte[] {0});
        StartupMessage m = (StartupMessage) decoder.read(new ByteArrayInputStream(bytes));
        assertEquals(3, m.majorVersion());
        assertEquals(2, m.minorVersion());
    }

    @Test
    void rejects_parameters_without_the_final_terminator() {
        byte[] bytes = FrontendEncoder.concat(packet(8 + 7, StartupMessage.PROTOCOL_3_0),
                new byte[] {'u', 's', 'e', 'r', 0, 'a', 0});
        assertEquals("invalid startup packet layout: expected terminator as last byte", readFails(bytes).getMessage());
    }

    @Test
    void rejects_a_name_without_a_value() {
        byte[] bytes = FrontendEncoder.concat(packet(8 + 6, StartupMessage.PROTOCOL_3_0),
                new byte[] {'u', 's', 'e', 'r', 0, 0});
        assertEquals("invalid startup packet layout: expected terminator as last byte", readFails(bytes).getMessage());
    }

    @Test
    void rejects_bytes_after_the_terminator() {
        byte[] bytes = FrontendEncoder.concat(packet(8 + 2, StartupMessage.PROTOCOL_3_0), new byte[] {0, 'x'});
        assertEquals("invalid startup packet layout: expected terminator as last byte", readFails(bytes).getMessage());
    }

    @Test
    void rejects_a_cancel_request_of_the_wrong_length() {
        byte[] bytes = FrontendEncoder.concat(packet(12, CancelRequest.CODE), new byte[] {0, 0, 0, 1});
        assertEquals("invalid length of query cancel packet", readFails(bytes).getMessage());
    }

    @Test
    void fails_when_the_stream_ends_inside_the_packet() {
        byte[] whole = FrontendEncoder.encode(SampleMessages.startupPackets().get(3));
        byte[] truncated = java.util.Arrays.copyOf(whole, 20);
        assertEquals("incomplete startup packet", readFails(truncated).getMessage());
        assertEquals("incomplete startup packet", readFails(new byte[] {0, 0}).getMessage());
    }

    private static byte[] startupMessageOfLength(int length) {
        // Header 8, "user\0" 5, value + NUL, final terminator 1.
        LinkedHashMap<String, String> parameters = new LinkedHashMap<>();
        parameters.put("user", "u".repeat(length - 8 - 5 - 1 - 1));
        byte[] bytes = FrontendEncoder.encode(new StartupMessage(StartupMessage.PROTOCOL_3_0, parameters));
        assertEquals(length, bytes.length);
        return bytes;
    }
}
