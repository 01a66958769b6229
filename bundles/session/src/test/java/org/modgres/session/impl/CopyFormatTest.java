package org.modgres.session.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.CopyOptions;

/** The text and CSV formats of COPY, split across CopyData messages at awkward places. */
class CopyFormatTest {

    private static List<String[]> read(CopyOptions options, String... chunks) {
        List<String[]> rows = new ArrayList<>();
        CopyLineReader reader = new CopyLineReader(options, (fields, line, record) -> rows.add(fields));
        for (String chunk : chunks) {
            reader.feed(chunk.getBytes(StandardCharsets.UTF_8));
        }
        reader.finish();
        return rows;
    }

    @Test
    void text_format_unescapes_and_reads_null_and_stops_at_the_end_marker() {
        List<String[]> rows = read(CopyOptions.textDefaults(), "1\ta\\tb\\\\c\\n\t\\N\n2\t", "x\\101\\x42\t\n\\.\n3\tignored\n");
        assertEquals(2, rows.size());
        assertArrayEquals(new String[] {"1", "a\tb\\c\n", null}, rows.get(0));
        assertArrayEquals(new String[] {"2", "xAB", ""}, rows.get(1));
    }

    @Test
    void utf8_characters_cut_between_messages_survive() {
        byte[] bytes = "1\tgrüße 日本\n".getBytes(StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        CopyLineReader reader = new CopyLineReader(CopyOptions.textDefaults(), (fields, line, record) -> rows.add(fields));
        for (byte b : bytes) {
            reader.feed(new byte[] {b});
        }
        reader.finish();
        assertArrayEquals(new String[] {"1", "grüße 日本"}, rows.get(0));
    }

    @Test
    void csv_quotes_span_lines_and_only_unquoted_empty_fields_are_null() {
        CopyOptions csv = new CopyOptions(true, ',', "", true, '"', '"');
        List<String[]> rows = read(csv, "id,v\n1,\"a, \"\"b\"\"\n", "c\",\n2,\"\",x\n");
        assertArrayEquals(new String[] {"1", "a, \"b\"\nc", null}, rows.get(0));
        assertArrayEquals(new String[] {"2", "", "x"}, rows.get(1));
    }

    @Test
    void unterminated_csv_quote_is_a_bad_copy_file() {
        PgException e = assertThrows(PgException.class, () -> read(CopyOptions.csvDefaults(), "1,\"open\n"));
        assertEquals(SqlState.BAD_COPY_FILE_FORMAT, e.sqlState());
    }

    @Test
    void writer_escapes_text_and_quotes_csv_where_needed() {
        CopyLineWriter text = new CopyLineWriter(CopyOptions.textDefaults());
        assertEquals("a\\tb\t\\N\tback\\\\slash\n",
                new String(text.line(new String[] {"a\tb", null, "back\\slash"}), StandardCharsets.UTF_8));
        CopyLineWriter csv = new CopyLineWriter(CopyOptions.csvDefaults());
        assertEquals("plain,\"with,comma\",\"say \"\"hi\"\"\",,\"\"\n",
                new String(csv.line(new String[] {"plain", "with,comma", "say \"hi\"", null, ""}),
                        StandardCharsets.UTF_8));
    }
}
