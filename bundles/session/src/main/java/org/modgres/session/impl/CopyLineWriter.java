package org.modgres.session.impl;

import java.nio.charset.StandardCharsets;

import org.modgres.api.sql.CopyOptions;

/** Writes rows for COPY TO STDOUT in the text or CSV format, one line per row. */
final class CopyLineWriter {

    private final CopyOptions options;
    private final StringBuilder line = new StringBuilder();

    CopyLineWriter(CopyOptions options) {
        this.options = options;
    }

    /** Returns the line for a row of values already in their text form; null stands for NULL. */
    byte[] line(String[] fields) {
        line.setLength(0);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(options.delimiter());
            }
            if (fields[i] == null) {
                line.append(options.nullString());
            } else if (options.csv()) {
                csvField(fields[i]);
            } else {
                textField(fields[i]);
            }
        }
        line.append('\n');
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void textField(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                case '\b' -> line.append("\\b");
                case '\f' -> line.append("\\f");
                case '\u000b' -> line.append("\\v");
                default -> {
                    if (c == options.delimiter()) {
                        line.append('\\');
                    }
                    line.append(c);
                }
            }
        }
    }

    private void csvField(String value) {
        boolean quote = value.isEmpty() ? options.nullString().isEmpty() : value.equals(options.nullString());
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == options.delimiter() || c == options.quote() || c == '\n' || c == '\r';
        }
        if (!quote) {
            line.append(value);
            return;
        }
        line.append(options.quote());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == options.quote() || c == options.escape()) {
                line.append(options.escape());
            }
            line.append(c);
        }
        line.append(options.quote());
    }
}
