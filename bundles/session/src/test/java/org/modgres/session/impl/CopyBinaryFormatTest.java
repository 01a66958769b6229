package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.type.PgType;

/** PostgreSQL's binary COPY format, written and read back, cut into CopyData messages anywhere. */
class CopyBinaryFormatTest {

    private static final List<String> COLUMNS = List.of("a", "b");
    private static final byte[] HEADER = HexFormat.of().parseHex("5047434f50590aff0d0a00" + "00000000" + "00000000");

    /** What PostgreSQL 15 sends for {@code COPY (values (1, 'x'), (2, 'y')) TO STDOUT (FORMAT binary)}. */
    private static final String POSTGRES_FIRST_MESSAGE =
            "5047434f50590aff0d0a000000000000000000000200000004000000010000000178";
    private static final String POSTGRES_SECOND_MESSAGE = "000200000004000000020000000179";

    private record Tuple(byte[][] fields, long number) {
    }

    private static List<Tuple> read(byte[] data, int chunk) {
        List<Tuple> tuples = new ArrayList<>();
        CopyBinaryReader reader = new CopyBinaryReader("t", COLUMNS, (fields, number) -> tuples.add(
                new Tuple(fields, number)));
        for (int at = 0; at < data.length; at += chunk) {
            reader.feed(Arrays.copyOfRange(data, at, Math.min(data.length, at + chunk)));
        }
        reader.finish();
        return tuples;
    }

    private static PgException failure(byte[] data) {
        return assertThrows(PgException.class, () -> read(data, Math.max(1, data.length)));
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            switch (part) {
                case byte[] b -> out.writeBytes(b);
                case Short s -> out.writeBytes(ByteBuffer.allocate(2).putShort(s).array());
                case Integer i -> out.writeBytes(ByteBuffer.allocate(4).putInt(i).array());
                case String s -> out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
                default -> throw new IllegalArgumentException(String.valueOf(part));
            }
        }
        return out.toByteArray();
    }

    @Test
    void writer_sends_the_header_with_the_first_row_as_postgres_does() {
        CopyBinaryWriter writer = new CopyBinaryWriter(List.of(PgType.INT4, PgType.TEXT));
        assertEquals(POSTGRES_FIRST_MESSAGE, HexFormat.of().formatHex(writer.row(new Object[] {1, "x"})));
        assertEquals(POSTGRES_SECOND_MESSAGE, HexFormat.of().formatHex(writer.row(new Object[] {2, "y"})));
        assertEquals("ffff", HexFormat.of().formatHex(writer.trailer()));
    }

    @Test
    void writer_without_rows_sends_header_and_trailer_together_and_null_as_minus_one() {
        CopyBinaryWriter empty = new CopyBinaryWriter(List.of(PgType.INT4));
        assertArrayEquals(bytes(HEADER, (short) -1), empty.trailer());
        CopyBinaryWriter nulls = new CopyBinaryWriter(List.of(PgType.INT4, PgType.TEXT));
        nulls.row(new Object[] {1, "x"});
        assertArrayEquals(bytes((short) 2, -1, -1), nulls.row(new Object[] {null, null}));
    }

    @Test
    void reader_takes_what_postgres_writes_in_pieces_of_any_size() {
        byte[] data = bytes(HexFormat.of().parseHex(POSTGRES_FIRST_MESSAGE + POSTGRES_SECOND_MESSAGE),
                (short) 2, -1, 0, (short) -1);
        for (int chunk = 1; chunk <= data.length; chunk++) {
            List<Tuple> tuples = read(data, chunk);
            assertEquals(3, tuples.size(), "pieces of " + chunk);
            assertArrayEquals(new byte[] {0, 0, 0, 1}, tuples.get(0).fields()[0]);
            assertEquals("y", new String(tuples.get(1).fields()[1], StandardCharsets.UTF_8));
            assertNull(tuples.get(2).fields()[0]);
            assertEquals(0, tuples.get(2).fields()[1].length);
            assertEquals(3, tuples.get(2).number());
        }
    }

    @Test
    void header_extension_is_skipped_and_a_missing_trailer_ends_the_rows() {
        byte[] data = bytes("PGCOPY\n", new byte[] {(byte) 0xff, '\r', '\n', 0}, 0xffff, 3, "abc",
                (short) 2, 1, "x", 1, "y");
        assertEquals(1, read(data, 5).size());
        // one byte where a field count would be is the end of the data too, as in PostgreSQL
        assertEquals(1, read(bytes(data, new byte[] {0}), 3).size());
    }

    @Test
    void bad_headers_are_refused_with_postgres_messages() {
        assertEquals("COPY file signature not recognized", failure(bytes("PGCOPX\n", new byte[5])).getMessage());
        assertEquals("COPY file signature not recognized", failure(new byte[0]).getMessage());
        assertEquals("invalid COPY file header (missing flags)",
                failure(bytes(Arrays.copyOf(HEADER, 11), (short) 0)).getMessage());
        assertEquals("invalid COPY file header (WITH OIDS)",
                failure(bytes(Arrays.copyOf(HEADER, 11), 1 << 16, 0)).getMessage());
        assertEquals("unrecognized critical flags in COPY file header",
                failure(bytes(Arrays.copyOf(HEADER, 11), 1 << 17, 0)).getMessage());
        assertEquals("invalid COPY file header (missing length)",
                failure(bytes(Arrays.copyOf(HEADER, 11), 0, (short) 0)).getMessage());
        PgException wrongLength = failure(bytes(Arrays.copyOf(HEADER, 11), 0, 10, "abc"));
        assertEquals("invalid COPY file header (wrong length)", wrongLength.getMessage());
        assertEquals(SqlState.BAD_COPY_FILE_FORMAT, wrongLength.sqlState());
        assertNull(wrongLength.context());
    }

    @Test
    void bad_tuples_name_their_line_and_column() {
        PgException count = failure(bytes(HEADER, (short) 1, 1, "x"));
        assertEquals("row field count is 1, expected 2", count.getMessage());
        assertEquals("COPY t, line 1", count.context());
        PgException size = failure(bytes(HEADER, (short) 2, 1, "x", -5));
        assertEquals("invalid field size", size.getMessage());
        assertEquals("COPY t, line 1, column b", size.context());
        PgException eof = failure(bytes(HEADER, (short) 2, 1, "x", 1, "y", (short) 2, 4, "ab"));
        assertEquals("unexpected EOF in COPY data", eof.getMessage());
        assertEquals("COPY t, line 2, column a", eof.context());
        PgException after = failure(bytes(HEADER, (short) 2, 1, "x", 1, "y", (short) -1, "zz"));
        assertEquals("received copy data after EOF marker", after.getMessage());
        assertEquals("COPY t, line 2", after.context());
        assertEquals(SqlState.BAD_COPY_FILE_FORMAT, after.sqlState());
    }
}
