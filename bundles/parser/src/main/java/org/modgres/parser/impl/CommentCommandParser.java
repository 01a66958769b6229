package org.modgres.parser.impl;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.CommentStatement;
import org.modgres.api.sql.Statement;

/**
 * Reads {@code COMMENT ON kind name IS 'text' | NULL}, gram.y's CommentStmt, for tables, views,
 * sequences, columns and schemas; other kinds of object are refused with 0A000.
 */
final class CommentCommandParser {

    private static final Map<String, CommentStatement.Type> TYPES = Map.of("table", CommentStatement.Type.TABLE,
            "view", CommentStatement.Type.VIEW, "sequence", CommentStatement.Type.SEQUENCE,
            "column", CommentStatement.Type.COLUMN,
            "schema", CommentStatement.Type.SCHEMA);

    private CommentCommandParser() {
    }

    static boolean startsComment(String firstWord) {
        return firstWord.equals("comment");
    }

    /** Parses the COMMENT at the start of the string, and the statements after it with {@code rest}. */
    static List<Statement> parse(String sql, Function<String, List<Statement>> rest) {
        CopyTokens tokens = new CopyTokens(sql);
        int start = tokens.position();
        tokens.expectWord("comment");
        tokens.expectWord("on");
        String kind = tokens.word();
        if (kind.equals("materialized") || kind.equals("foreign")) {
            kind = kind + " " + tokens.word();
        }
        CommentStatement.Type type = TYPES.get(kind);
        if (type == null) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                    "COMMENT ON " + kind.toUpperCase(java.util.Locale.ROOT) + " is not supported yet");
        }
        List<String> name = type == CommentStatement.Type.SCHEMA ? List.of(tokens.name()) : tokens.qualifiedName();
        if (type == CommentStatement.Type.COLUMN && name.size() < 2) {
            throw new PgException(SqlState.SYNTAX_ERROR, "column name must be qualified");
        }
        tokens.expectWord("is");
        String comment = tokens.acceptWord("null") ? null : tokens.string();
        String text = sql.substring(start, tokens.position()).strip();
        return StatementStarts.followedByRest(new CommentStatement(type, name, comment, text), sql, tokens, rest);
    }
}
