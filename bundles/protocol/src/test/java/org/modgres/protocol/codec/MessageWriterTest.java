package org.modgres.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.protocol.backend.AuthenticationOk;
import org.modgres.protocol.backend.BackendMessage;
import org.modgres.protocol.backend.CommandComplete;
import org.modgres.protocol.backend.DataRow;
import org.modgres.protocol.backend.ErrorResponse;
import org.modgres.protocol.backend.ParameterStatus;
import org.modgres.protocol.backend.ReadyForQuery;
import org.modgres.protocol.backend.RowDescription;

class MessageWriterTest {

    private static byte[] encode(BackendMessage... messages) throws IOException {
        MessageWriter writer = new MessageWriter();
        for (BackendMessage m : messages) {
            writer.write(m);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.flushTo(out);
        return out.toByteArray();
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void encodes_ready_for_query_idle() throws IOException {
        assertArrayEquals(hex("5A 00000005 49"), encode(ReadyForQuery.IDLE));
    }

    @Test
    void encodes_command_complete() throws IOException {
        assertArrayEquals(hex("43 0000000D 53454C4543542031 00"), encode(new CommandComplete("SELECT 1")));
    }

    @Test
    void encodes_authentication_ok() throws IOException {
        assertArrayEquals(hex("52 00000008 00000000"), encode(AuthenticationOk.INSTANCE));
    }

    @Test
    void encodes_data_row_with_null_and_empty_values() throws IOException {
        DataRow row = new DataRow(new byte[][] {{'4', '2'}, null, {}});
        assertArrayEquals(hex("44 00000014 0003 00000002 3432 FFFFFFFF 00000000"), encode(row));
    }

    @Test
    void encodes_row_description() throws IOException {
        RowDescription rd = new RowDescription(List.of(
                new RowDescription.Field("a", 0, (short) 0, 23, (short) 4, -1, (short) 0)));
        assertArrayEquals(hex("54 0000001A 0001 6100 00000000 0000 00000017 0004 FFFFFFFF 0000"), encode(rd));
    }

    @Test
    void encodes_error_response_fields_in_postgresql_order() throws IOException {
        ErrorResponse e = ErrorResponse.of(new PgException(SqlState.SYNTAX_ERROR, Severity.ERROR,
                "syntax error at or near \"x\"", null, "h", 8, null));
        byte[] expected = FrontendEncoder.message('E', out -> {
            out.write("SERROR\0VERROR\0C42601\0Msyntax error at or near \"x\"\0Hh\0P8\0\0".getBytes());
        });
        assertArrayEquals(expected, encode(e));
    }

    @Test
    void encodes_strings_as_utf8_and_drops_nul_characters() throws IOException {
        byte[] expected = FrontendEncoder.message('S', out -> out.write("a\0é☃b\0".getBytes("UTF-8")));
        assertArrayEquals(expected, encode(new ParameterStatus("a", "é\0☃b")));
    }

    @Test
    void round_trips_every_backend_message() throws IOException {
        List<BackendMessage> messages = SampleMessages.backendMessages();
        assertEquals(messages, BackendDecoder.decodeAll(encode(messages.toArray(BackendMessage[]::new))));
    }

    @Test
    void has_a_sample_and_an_encoder_for_every_backend_message() {
        Set<Class<?>> sampled = new HashSet<>();
        SampleMessages.backendMessages().forEach(m -> sampled.add(m.getClass()));
        assertEquals(Set.of(BackendMessage.class.getPermittedSubclasses()), sampled);
    }

    @Test
    void sends_everything_buffered_in_one_write_and_starts_over() throws IOException {
        MessageWriter writer = new MessageWriter();
        for (int i = 0; i < 10_000; i++) {
            writer.write(new DataRow(new byte[][] {new byte[100]}));
        }
        writer.write(ReadyForQuery.IDLE);
        int expected = writer.size();
        CountingOutputStream out = new CountingOutputStream();
        writer.flushTo(out);
        assertEquals(1, out.writes);
        assertEquals(expected, out.bytes.size());
        assertEquals(0, writer.size());

        writer.write(ReadyForQuery.IN_TRANSACTION);
        CountingOutputStream again = new CountingOutputStream();
        writer.flushTo(again);
        assertArrayEquals(hex("5A 00000005 54"), again.bytes.toByteArray());
    }

    private static final class CountingOutputStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int writes;

        @Override
        public void write(int b) {
            writes++;
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes++;
            bytes.write(b, off, len);
        }
    }
}
