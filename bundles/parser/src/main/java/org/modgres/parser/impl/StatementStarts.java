package org.modgres.parser.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

import org.modgres.api.error.PgException;
import org.modgres.api.sql.Statement;

/**
 * Finds where the statements of a string start, skipping what a semicolon inside does not end:
 * quoted strings ('...', E'...' with backslash escapes, "..."), dollar-quoted strings and
 * comments. It lets statements the main grammar has no place for follow others in one string.
 */
final class StatementStarts {

    private StatementStarts() {
    }

    /**
     * Returns the statement a hand-written recogniser read from the start of the string, then the
     * statements after its semicolon as {@code rest} parses them, with positions in the whole string.
     */
    static List<Statement> followedByRest(Statement first, String sql, CopyTokens tokens,
                                          Function<String, List<Statement>> rest) {
        List<Statement> statements = new ArrayList<>();
        statements.add(first);
        if (tokens.acceptSymbol(';') && !tokens.atEnd()) {
            int restStart = tokens.position();
            try {
                statements.addAll(rest.apply(sql.substring(restStart)));
            } catch (PgException e) {
                throw e.position() > 0 ? e.withPosition(e.position() + restStart) : e;
            }
        } else if (!tokens.atEnd()) {
            throw tokens.unexpected();
        }
        return statements;
    }

    /**
     * Returns the offset of the first statement after the first one whose first word (in lower
     * case) the predicate accepts, or -1 when there is none.
     */
    static int laterStatement(String sql, Predicate<String> firstWord) {
        return laterStatementWhere(sql, at -> {
            int end = wordEnd(sql, at);
            return end > at && firstWord.test(sql.substring(at, end).toLowerCase(Locale.ROOT));
        });
    }

    /**
     * Returns the offset of the first statement after the first one whose first word (in lower
     * case) one predicate accepts and whose text, from its start to the end of the string, the
     * other accepts, or -1 when there is none.
     */
    static int laterStatement(String sql, Predicate<String> firstWord, Predicate<String> statement) {
        return laterStatementWhere(sql, at -> {
            int end = wordEnd(sql, at);
            return end > at && firstWord.test(sql.substring(at, end).toLowerCase(Locale.ROOT))
                    && statement.test(sql.substring(at));
        });
    }

    private static int laterStatementWhere(String sql, java.util.function.IntPredicate startsHere) {
        int at = 0;
        boolean statementStart = true;
        boolean first = true;
        while (at < sql.length()) {
            at = skipBlanks(sql, at);
            if (at >= sql.length()) {
                break;
            }
            char c = sql.charAt(at);
            if (statementStart && c != ';') {
                if (!first && startsHere.test(at)) {
                    return at;
                }
                statementStart = false;
                first = false;
            }
            switch (c) {
                case ';' -> {
                    statementStart = true;
                    at++;
                }
                case '\'' -> at = quotedEnd(sql, at, isEscapeString(sql, at));
                case '"' -> at = quotedEnd(sql, at, false);
                case '$' -> at = dollarQuotedEnd(sql, at);
                default -> at = Math.max(wordEnd(sql, at), at + 1);
            }
        }
        return -1;
    }

    private static boolean isEscapeString(String sql, int quote) {
        return quote > 0 && Character.toLowerCase(sql.charAt(quote - 1)) == 'e'
                && (quote == 1 || !isWordPart(sql.charAt(quote - 2)));
    }

    /** Returns the offset after a quoted string or identifier that opens at {@code open}. */
    private static int quotedEnd(String sql, int open, boolean backslashEscapes) {
        char quote = sql.charAt(open);
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** Returns the offset after a $tag$...$tag$ string, or after the '$' when none opens here. */
    private static int dollarQuotedEnd(String sql, int open) {
        if (open > 0 && isWordPart(sql.charAt(open - 1))) {
            return open + 1;
        }
        int tagEnd = open + 1;
        while (tagEnd < sql.length() && (Character.isLetter(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_'
                || tagEnd > open + 1 && Character.isDigit(sql.charAt(tagEnd)))) {
            tagEnd++;
        }
        if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$') {
            return open + 1;
        }
        String tag = sql.substring(open, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }

    private static int skipBlanks(String sql, int from) {
        int at = from;
        while (at < sql.length()) {
            if (Character.isWhitespace(sql.charAt(at))) {
                at++;
            } else if (sql.startsWith("--", at)) {
                int newline = sql.indexOf('\n', at);
                at = newline < 0 ? sql.length() : newline + 1;
            } else if (sql.startsWith("/*", at)) {
                at = commentEnd(sql, at);
            } else {
                break;
            }
        }
        return at;
    }

    /** Returns the offset after a block comment, which may nest as in PostgreSQL. */
    private static int commentEnd(String sql, int open) {
        int depth = 0;
        int i = open;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int wordEnd(String sql, int from) {
        int i = from;
        while (i < sql.length() && isWordPart(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
