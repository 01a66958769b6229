package org.modgres.executor.impl.expr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/**
 * Turns SQL regular expressions (SIMILAR TO) into Java ones, as PostgreSQL turns them into its
 * own: the whole string must match, {@code %} is any string and {@code _} any character,
 * {@code | * + ? {m,n} ( ) [ ]} keep their regular expression meaning, and every other character
 * (including {@code .}, {@code ^}, {@code $} and a backslash that is not the escape) stands for itself.
 */
final class SimilarPatterns {

    private static final int MAX_SEPARATORS = 2;

    private SimilarPatterns() {
    }

    /**
     * @param escape the escape character, or -1 for none ({@code ESCAPE ''})
     */
    static Pattern compile(String similar, int escape) {
        String regex = toRegex(similar, escape);
        try {
            return Pattern.compile(regex, Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new PgException(SqlState.INVALID_REGULAR_EXPRESSION, "invalid regular expression: " + e.getDescription());
        }
    }

    /**
     * {@code substring(text SIMILAR pattern ESCAPE escape)}: the part of text between the
     * pattern's escape-double-quote separators (all of it without separators), or NULL when the
     * pattern does not match.
     */
    static String substring(String text, String similar, String escape) {
        Matcher matcher = compile(similar, LikePatterns.escapeOf(escape)).matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
    }

    static String toRegex(String similar, int escape) {
        StringBuilder regex = new StringBuilder(similar.length() + 8).append("^(?:");
        boolean afterEscape = false;
        boolean inCharClass = false;
        int classStart = -1;
        int separators = 0;
        int i = 0;
        while (i < similar.length()) {
            int c = similar.codePointAt(i);
            i += Character.charCount(c);
            if (afterEscape) {
                if (c == '"' && !inCharClass) {
                    // the separators of substring(x similar p escape e); in a match they only group
                    if (separators == MAX_SEPARATORS) {
                        // 2200C invalid_use_of_escape_character, which SqlState does not list
                        throw new PgException(SqlState.INVALID_USE_OF_ESCAPE_CHARACTER,
                                "SQL regular expression may not contain more than two escape-double-quote separators");
                    }
                    regex.append(separators == 0 ? "){1,1}?(" : "){1,1}(?:");
                    separators++;
                } else {
                    appendLiteral(regex, c);
                }
                afterEscape = false;
            } else if (c == escape) {
                afterEscape = true;
            } else if (inCharClass) {
                // "]" first in the class, after "[" or "[^", is a member, as in PostgreSQL
                boolean first = regex.length() == classStart;
                if (c == '^' && first) {
                    classStart++;
                } else if (c == '\\' || c == '[' || c == '&' || c == ']' && first) {
                    regex.append('\\');
                }
                regex.appendCodePoint(c);
                inCharClass = c != ']' || first;
            } else {
                switch (c) {
                    case '[' -> {
                        regex.append('[');
                        inCharClass = true;
                        classStart = regex.length();
                    }
                    case '%' -> regex.append(".*");
                    case '_' -> regex.append('.');
                    case '(' -> regex.append("(?:");
                    case '\\', '.', '^', '$' -> regex.append('\\').appendCodePoint(c);
                    default -> regex.appendCodePoint(c);
                }
            }
        }
        // a trailing escape character escapes nothing, and PostgreSQL drops it
        return regex.append(")$").toString();
    }

    private static void appendLiteral(StringBuilder regex, int c) {
        if (Character.isLetterOrDigit(c)) {
            regex.appendCodePoint(c);
        } else {
            regex.append('\\').appendCodePoint(c);
        }
    }
}
