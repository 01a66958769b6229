package org.modgres.executor.impl.expr;

import java.util.regex.Pattern;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** Turns LIKE patterns into regular expressions: {@code %} any string, {@code _} one character. */
final class LikePatterns {

    private LikePatterns() {
    }

    /**
     * @param escape the escape character, or -1 for none ({@code ESCAPE ''})
     */
    static Pattern compile(String like, int escape, boolean caseSensitive) {
        StringBuilder regex = new StringBuilder(like.length() + 8);
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < like.length()) {
            int c = like.codePointAt(i);
            i += Character.charCount(c);
            if (c == escape) {
                if (i >= like.length()) {
                    // 22025 invalid_escape_sequence, which SqlState does not list
                    throw new PgException(SqlState.INVALID_ESCAPE_SEQUENCE, "LIKE pattern must not end with escape character");
                }
                int next = like.codePointAt(i);
                i += Character.charCount(next);
                literal.appendCodePoint(next);
            } else if (c == '%' || c == '_') {
                flush(regex, literal);
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.appendCodePoint(c);
            }
        }
        flush(regex, literal);
        int flags = Pattern.DOTALL | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return Pattern.compile(regex.toString(), flags);
    }

    private static void flush(StringBuilder regex, StringBuilder literal) {
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }

    /** Returns the escape character of an ESCAPE clause, or -1 for the empty one. */
    static int escapeOf(String escape) {
        if (escape.isEmpty()) {
            return -1;
        }
        if (escape.codePointCount(0, escape.length()) != 1) {
            throw new PgException(SqlState.INVALID_ESCAPE_SEQUENCE, "invalid escape string")
                    .withHint("Escape string must be empty or one character.");
        }
        return escape.codePointAt(0);
    }
}
