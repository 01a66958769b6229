package org.modgres.session.impl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.CopyOptions;

/**
 * Splits the data of COPY FROM STDIN into rows of fields, in the text or CSV format, as CopyData
 * messages arrive: a row may be cut anywhere between two messages. A field is null for SQL NULL.
 */
final class CopyLineReader {

    /** Takes the rows: their fields, the number of the line (record) and its text, for error messages. */
    @FunctionalInterface
    interface Rows {
        void accept(String[] fields, long line, String record);
    }

    private final CopyOptions options;
    private final Rows rows;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    /** A CSV record whose quoted field goes on past the end of a line. */
    private final StringBuilder openRecord = new StringBuilder();
    private boolean headerSkipped;
    private boolean ended;
    private long lineNumber;

    CopyLineReader(CopyOptions options, Rows rows) {
        this.options = options;
        this.rows = rows;
    }

    long lineNumber() {
        return lineNumber;
    }

    /** Takes the bytes of one CopyData message. */
    void feed(byte[] data) {
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                pending.write(data, start, i - start);
                line(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
                start = i + 1;
            }
        }
        pending.write(data, start, data.length - start);
    }

    /** Ends the data (CopyDone): a last line without a newline still counts. */
    void finish() {
        if (pending.size() > 0) {
            line(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
        }
        if (!openRecord.isEmpty()) {
            throw badFormat("unterminated CSV quoted field");
        }
    }

    private void line(String raw) {
        String text = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        if (ended) {
            return;
        }
        if (openRecord.isEmpty()) {
            lineNumber++;
            if (text.equals("\\.")) {
                ended = true;
                return;
            }
            if (options.header() && !headerSkipped) {
                headerSkipped = true;
                return;
            }
        }
        if (!options.csv()) {
            rows.accept(textFields(text), lineNumber, text);
            return;
        }
        if (!openRecord.isEmpty()) {
            openRecord.append('\n');
        }
        openRecord.append(text);
        String[] fields = csvFields(openRecord);
        if (fields != null) {
            String record = openRecord.toString();
            openRecord.setLength(0);
            rows.accept(fields, lineNumber, record);
        }
    }

    /**
     * Splits a line of text format at the delimiters that no backslash escapes; a field without a
     * backslash is its own text, so the common line costs one substring per field.
     */
    private String[] textFields(String line) {
        List<String> fields = new ArrayList<>();
        char delimiter = options.delimiter();
        int start = 0;
        boolean escaped = false;
        int i = 0;
        while (true) {
            if (i == line.length() || line.charAt(i) == delimiter) {
                String raw = line.substring(start, i);
                fields.add(raw.equals(options.nullString()) ? null : escaped ? unescape(raw) : raw);
                if (i == line.length()) {
                    return fields.toArray(String[]::new);
                }
                start = ++i;
                escaped = false;
            } else if (line.charAt(i) == '\\' && i + 1 < line.length()) {
                escaped = true;
                i += 2;
            } else {
                i++;
            }
        }
    }

    /** Decodes the backslash sequences of one field: \b \f \n \r \t \v, \xhh, octal \ooo, and \c for c. */
    private static String unescape(String raw) {
        StringBuilder field = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                field.append(c);
                continue;
            }
            char next = raw.charAt(++i);
            switch (next) {
                case 'b' -> field.append('\b');
                case 'f' -> field.append('\f');
                case 'n' -> field.append('\n');
                case 'r' -> field.append('\r');
                case 't' -> field.append('\t');
                case 'v' -> field.append('\u000b');
                case 'x' -> i = hex(raw, i, field);
                default -> {
                    if (next >= '0' && next <= '7') {
                        i = octal(raw, i, field);
                    } else {
                        field.append(next);
                    }
                }
            }
        }
        return field.toString();
    }

    private static int hex(String line, int at, StringBuilder field) {
        int end = at + 1;
        while (end < line.length() && end < at + 3 && Character.digit(line.charAt(end), 16) >= 0) {
            end++;
        }
        if (end == at + 1) {
            field.append('x');
            return at;
        }
        field.append((char) Integer.parseInt(line.substring(at + 1, end), 16));
        return end - 1;
    }

    private static int octal(String line, int at, StringBuilder field) {
        int end = at;
        while (end < line.length() && end < at + 3 && line.charAt(end) >= '0' && line.charAt(end) <= '7') {
            end++;
        }
        field.append((char) Integer.parseInt(line.substring(at, end), 8));
        return end - 1;
    }

    /** Returns the fields of a complete CSV record, or null when a quoted field is still open. */
    private String[] csvFields(CharSequence record) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted) {
                boolean hasNext = i + 1 < record.length();
                if (c == options.escape() && hasNext && record.charAt(i + 1) == options.quote()) {
                    // an escaped quote; with the default escape this is a doubled quote
                    field.append(options.quote());
                    i++;
                } else if (c == options.escape() && c != options.quote() && hasNext
                        && record.charAt(i + 1) == options.escape()) {
                    field.append(c);
                    i++;
                } else if (c == options.quote()) {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == options.quote()) {
                quoted = true;
                wasQuoted = true;
            } else if (c == options.delimiter()) {
                fields.add(!wasQuoted && field.toString().equals(options.nullString()) ? null : field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(!wasQuoted && field.toString().equals(options.nullString()) ? null : field.toString());
        return fields.toArray(String[]::new);
    }

    private PgException badFormat(String message) {
        return new PgException(SqlState.BAD_COPY_FILE_FORMAT, message);
    }
}
