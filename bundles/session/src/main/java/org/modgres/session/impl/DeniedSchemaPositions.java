package org.modgres.session.impl;

import java.util.Locale;
import java.util.Set;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.StatementKind;

/**
 * Gives {@code permission denied for schema} the position PostgreSQL reports with it: the checks
 * run on plans, which know no positions, while PostgreSQL checks a schema when its parser looks
 * a name up. It points at the first name qualified by the schema, or at the string literal that
 * holds one ({@code nextval('s.seq')}), in the statements whose names PostgreSQL's parser looks
 * up (queries, DML and CREATE TABLE); utility statements report none.
 */
final class DeniedSchemaPositions {

    private static final String DENIED = "permission denied for schema ";

    private static final Set<StatementKind> LOOKED_UP_BY_PARSER = Set.of(StatementKind.SELECT, StatementKind.VALUES,
            StatementKind.INSERT, StatementKind.UPDATE, StatementKind.DELETE, StatementKind.CREATE_TABLE,
            StatementKind.EXPLAIN);

    private DeniedSchemaPositions() {
    }

    /** Returns the error with the position of the schema's first use in the statement, when PostgreSQL gives one. */
    static PgException located(PgException error, StatementKind kind, String sql) {
        if (error.sqlState() != SqlState.INSUFFICIENT_PRIVILEGE || error.position() > 0
                || !error.getMessage().startsWith(DENIED) || !LOOKED_UP_BY_PARSER.contains(kind)) {
            return error;
        }
        int at = find(sql, error.getMessage().substring(DENIED.length()));
        return at < 0 ? error : error.withPosition(at + 1);
    }

    /**
     * Returns the 0-based offset of the first {@code schema.} name in the text, or of the string
     * literal it is in; -1 when there is none. Comments are skipped.
     */
    static int find(String sql, String schema) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else if (c == '\'') {
                int end = closing(sql, i, '\'');
                if (qualifies(sql.substring(i + 1, Math.max(i + 1, end - 1)), schema)) {
                    return i;
                }
                i = end;
            } else if (c == '"') {
                int end = closing(sql, i, '"');
                String name = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("\"\"", "\"");
                if (name.equals(schema) && followedByDot(sql, end)) {
                    return i;
                }
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < sql.length() && isIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                if (sql.substring(i, end).toLowerCase(Locale.ROOT).equals(schema) && followedByDot(sql, end)) {
                    return i;
                }
                i = end;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Returns whether a string literal's text names something in the schema, as regclass input reads it. */
    private static boolean qualifies(String literal, String schema) {
        String name = literal.strip();
        String quoted = "\"" + schema.replace("\"", "\"\"") + "\"";
        if (name.startsWith(quoted)) {
            return followedByDot(name, quoted.length());
        }
        int end = 0;
        while (end < name.length() && isIdentifierPart(name.charAt(end))) {
            end++;
        }
        return end > 0 && name.substring(0, end).toLowerCase(Locale.ROOT).equals(schema) && followedByDot(name, end);
    }

    /** Returns the offset after the quote that closes the one at {@code open}; a doubled quote stays inside. */
    private static int closing(String sql, int open, char quote) {
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

    private static boolean followedByDot(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '.';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
