package org.modgres.parser.impl;

import java.util.Arrays;
import java.util.function.IntPredicate;

import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The string given to one parse call. JavaCC reports places as line and column (1-based, in
 * UTF-16 units, a line ending after "\n", "\r\n" or a lone "\r"); PostgreSQL reports a 1-based
 * character position in the whole string. This class converts between the two and cuts out
 * statement texts.
 */
final class SourceText {

    private final String sql;
    private final int[] lineStarts;

    SourceText(String sql) {
        this.sql = sql;
        int[] starts = new int[16];
        int lines = 1;
        for (int i = 0; i < sql.length(); i++) {
            final char c = sql.charAt(i);
            if (c == '\r' && i + 1 < sql.length() && sql.charAt(i + 1) == '\n') {
                i++;
            } else if (c != '\n' && c != '\r') {
                continue;
            }
            if (lines == starts.length) {
                starts = Arrays.copyOf(starts, lines * 2);
            }
            starts[lines++] = i + 1;
        }
        this.lineStarts = Arrays.copyOf(starts, lines);
    }

    String sql() {
        return sql;
    }

    /** Returns the UTF-16 index of a line and column, clamped to the string. */
    int offset(int line, int column) {
        if (line < 1) {
            return 0;
        }
        final int start = lineStarts[Math.min(line, lineStarts.length) - 1];
        return Math.clamp((long) start + column - 1, 0, sql.length());
    }

    /** Returns the text from the start of {@code extent} to its end, both inclusive. */
    String text(SqlParserPos extent) {
        final int begin = offset(extent.getLineNum(), extent.getColumnNum());
        final int end = offset(extent.getEndLineNum(), extent.getEndColumnNum()) + 1;
        return sql.substring(begin, Math.clamp(end, begin, sql.length()));
    }

    /** Returns PostgreSQL's position (1-based, in characters) of a UTF-16 index. */
    int position(int offset) {
        return sql.codePointCount(0, Math.clamp(offset, 0, sql.length())) + 1;
    }

    /** Returns PostgreSQL's position for "at end of input": one past the last character. */
    int endPosition() {
        return position(sql.length());
    }

    /**
     * Returns the offset of the first character at or after {@code offset} that is neither
     * white space nor part of a complete comment.
     */
    int skipBlanks(int offset) {
        int i = offset;
        while (i < sql.length()) {
            if (Character.isWhitespace(sql.charAt(i))) {
                i++;
            } else if (sql.startsWith("--", i)) {
                final int eol = sql.indexOf('\n', i);
                i = eol < 0 ? sql.length() : eol + 1;
            } else if (sql.startsWith("/*", i) && sql.indexOf("*/", i + 2) >= 0) {
                i = sql.indexOf("*/", i + 2) + 2;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * Returns the token starting at {@code offset} roughly as PostgreSQL's lexer would cut it,
     * for "at or near" in error messages.
     */
    String tokenAt(int offset) {
        if (offset >= sql.length()) {
            return "";
        }
        final char c = sql.charAt(offset);
        final int end;
        if (c == '\'' || c == '"') {
            end = quotedEnd(offset, c);
        } else if ((c == 'E' || c == 'e') && sql.startsWith("'", offset + 1)) {
            end = quotedEnd(offset + 1, '\'');
        } else if (Character.isLetter(c) || c == '_') {
            end = runEnd(offset, ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '$');
        } else if (Character.isDigit(c) || c == '$') {
            end = runEnd(offset + 1, ch -> Character.isLetterOrDigit(ch) || ch == '.');
        } else if (isOperatorChar(c)) {
            end = runEnd(offset, SourceText::isOperatorChar);
        } else {
            end = offset + Character.charCount(sql.codePointAt(offset));
        }
        return sql.substring(offset, end);
    }

    private int quotedEnd(int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private int runEnd(int start, IntPredicate part) {
        int i = start;
        while (i < sql.length() && part.test(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isOperatorChar(int c) {
        return "+-*/<>=~!@#%^&|`?".indexOf(c) >= 0;
    }
}
