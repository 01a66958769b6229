package org.modgres.parser.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.parser.impl.syntax.EscapeStrings;

/**
 * The tokens of a COPY statement: words (folded to lower case), quoted names, string literals
 * (also E'' strings), numbers and single-character symbols, with comments skipped. Errors carry
 * PostgreSQL's message and the 1-based position of the offending token.
 */
final class CopyTokens {

    private final String sql;
    private int at;

    CopyTokens(String sql) {
        this.sql = sql;
        skipSpace();
    }

    /** Returns the first word of a statement in lower case, or "" when it starts with something else. */
    static String firstWord(String sql) {
        CopyTokens tokens = new CopyTokens(sql);
        int end = tokens.wordEnd();
        return sql.substring(tokens.at, end).toLowerCase(Locale.ROOT);
    }

    int position() {
        return at;
    }

    boolean atEnd() {
        return at >= sql.length();
    }

    boolean peekWord(String word) {
        int end = wordEnd();
        return end > at && sql.substring(at, end).equalsIgnoreCase(word);
    }

    boolean acceptWord(String word) {
        if (peekWord(word)) {
            at = wordEnd();
            skipSpace();
            return true;
        }
        return false;
    }

    void expectWord(String word) {
        if (!acceptWord(word)) {
            throw unexpected();
        }
    }

    /** Reads a bare word (keyword, option name or value), folded to lower case. */
    String word() {
        int end = wordEnd();
        if (end == at) {
            throw unexpected();
        }
        String word = sql.substring(at, end).toLowerCase(Locale.ROOT);
        at = end;
        skipSpace();
        return word;
    }

    /** Reads a name: a word folded to lower case, or a double-quoted identifier kept as written. */
    String name() {
        if (at < sql.length() && sql.charAt(at) == '"') {
            return quoted('"');
        }
        return word();
    }

    /** Reads a name of one to three dotted parts ([[database.] schema.] name). */
    List<String> qualifiedName() {
        List<String> name = new ArrayList<>();
        do {
            name.add(name());
        } while (acceptSymbol('.'));
        if (name.size() > 3) {
            throw new PgException(SqlState.SYNTAX_ERROR, "improper qualified name (too many dotted names): "
                    + String.join(".", name));
        }
        return name;
    }

    boolean peekSymbol(char symbol) {
        return at < sql.length() && sql.charAt(at) == symbol;
    }

    boolean acceptSymbol(char symbol) {
        if (peekSymbol(symbol)) {
            at++;
            skipSpace();
            return true;
        }
        return false;
    }

    void expectSymbol(char symbol) {
        if (!acceptSymbol(symbol)) {
            throw unexpected();
        }
    }

    boolean peekString() {
        return at < sql.length() && (sql.charAt(at) == '\''
                || ((sql.charAt(at) == 'E' || sql.charAt(at) == 'e') && at + 1 < sql.length()
                        && sql.charAt(at + 1) == '\''));
    }

    /** Reads a string literal; E'' strings have their backslash escapes applied. */
    String string() {
        if (!peekString()) {
            throw unexpected();
        }
        if (sql.charAt(at) != '\'') {
            return escapeString();
        }
        return quoted('\'');
    }

    /** Reads an E'' string, where a backslash escapes the next character. */
    private String escapeString() {
        int start = at;
        int i = at + 2;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                i += 2;
            } else if (c == '\'') {
                break;
            } else {
                i++;
            }
        }
        if (i >= sql.length()) {
            throw new PgException(SqlState.SYNTAX_ERROR, Severity.ERROR,
                    "unterminated quoted string at or near \"" + sql.substring(start) + "\"", null, null,
                    start + 1, null);
        }
        String standard = EscapeStrings.toStandardString(sql.substring(start, i + 1), 1, start + 1);
        at = i + 1;
        skipSpace();
        return standard.substring(1, standard.length() - 1).replace("''", "'");
    }

    /** Reads the text between a pair of parentheses, nested ones and quoted ones included. */
    String parenthesised() {
        int open = at;
        expectSymbol('(');
        int depth = 1;
        int i = open + 1;
        while (i < sql.length() && depth > 0) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int close = sql.indexOf(c, i + 1);
                i = close < 0 ? sql.length() : close + 1;
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            i++;
        }
        if (depth > 0) {
            at = sql.length();
            throw unexpected();
        }
        String inner = sql.substring(open + 1, i - 1);
        at = i;
        skipSpace();
        return inner;
    }

    /** Returns the error for the token at the current position. */
    PgException unexpected() {
        if (atEnd()) {
            return new PgException(SqlState.SYNTAX_ERROR, Severity.ERROR, "syntax error at end of input", null,
                    null, sql.length() + 1, null);
        }
        int end = Math.max(wordEnd(), at + 1);
        return new PgException(SqlState.SYNTAX_ERROR, Severity.ERROR,
                "syntax error at or near \"" + sql.substring(at, end) + "\"", null, null, at + 1, null);
    }

    private String quoted(char quote) {
        StringBuilder value = new StringBuilder();
        int i = at + 1;
        while (true) {
            if (i >= sql.length()) {
                throw new PgException(SqlState.SYNTAX_ERROR, Severity.ERROR, quote == '\''
                        ? "unterminated quoted string at or near \"" + sql.substring(at) + "\""
                        : "unterminated quoted identifier at or near \"" + sql.substring(at) + "\"",
                        null, null, at + 1, null);
            }
            char c = sql.charAt(i);
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    value.append(quote);
                    i += 2;
                    continue;
                }
                break;
            }
            value.append(c);
            i++;
        }
        at = i + 1;
        skipSpace();
        return value.toString();
    }

    private int wordEnd() {
        int i = at;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                || sql.charAt(i) == '$')) {
            i++;
        }
        return i;
    }

    private void skipSpace() {
        while (at < sql.length()) {
            char c = sql.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (sql.startsWith("--", at)) {
                int newline = sql.indexOf('\n', at);
                at = newline < 0 ? sql.length() : newline + 1;
            } else if (sql.startsWith("/*", at)) {
                int close = sql.indexOf("*/", at + 2);
                at = close < 0 ? sql.length() : close + 2;
            } else {
                return;
            }
        }
    }
}
