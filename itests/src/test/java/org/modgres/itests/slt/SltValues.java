package org.modgres.itests.slt;

import java.util.ArrayList;
import java.util.List;

/**
 * How result values are written in a sqllogictest file: values separated by tabs (or by runs of spaces
 * when a line has no tab and the query has several columns), {@code NULL} for SQL NULL, {@code (empty)}
 * for the empty string, and backslash escapes for what the layout would lose: {@code \t}, {@code \n},
 * {@code \r}, {@code \\}, {@code \s} for a space at either end of a value, and a backslash before any
 * other character for that character (so the text NULL is written {@code \NULL}).
 */
final class SltValues {

    static final String NULL = "NULL";
    static final String EMPTY = "(empty)";

    private SltValues() {
    }

    static String encode(String value) {
        if (value == null) {
            return NULL;
        }
        if (value.isEmpty()) {
            return EMPTY;
        }
        if (value.equals(NULL) || value.equals(EMPTY)) {
            return "\\" + value;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case ' ' -> text.append(i == 0 || i == value.length() - 1 ? "\\s" : " ");
                default -> text.append(c);
            }
        }
        return text.toString();
    }

    static String decode(String text) {
        if (text.equals(NULL)) {
            return null;
        }
        if (text.equals(EMPTY)) {
            return "";
        }
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                value.append(c);
                continue;
            }
            char escaped = text.charAt(++i);
            value.append(switch (escaped) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 's' -> ' ';
                default -> escaped;
            });
        }
        return value.toString();
    }

    /** Splits an expected row's line into its values' text, given how many columns the query has. */
    static List<String> splitRow(String line, int columns) {
        List<String> values = new ArrayList<>();
        String[] parts;
        if (line.indexOf('\t') >= 0) {
            parts = line.split("\t", -1);
        } else if (columns > 1) {
            parts = line.trim().split(" +");
        } else {
            parts = new String[] {line};
        }
        for (String part : parts) {
            values.add(decode(part));
        }
        return values;
    }

    static String joinRow(List<String> values) {
        List<String> encoded = new ArrayList<>();
        for (String value : values) {
            encoded.add(encode(value));
        }
        return String.join("\t", encoded);
    }
}
