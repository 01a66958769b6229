package org.modgres.parser.impl.syntax;

import java.util.List;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.error.SqlState;
import org.modgres.parser.impl.grammar.PgSqlParserImplConstants;
import org.modgres.parser.impl.grammar.Token;

/**
 * {@code SELECT ... FOR UPDATE} as it reaches the planner, which recognises the call by its
 * operator's name: {@link #ROW_LOCKING} of the query, the strength as written in capitals
 * ({@code FOR UPDATE}, {@code FOR NO KEY UPDATE}, {@code FOR SHARE}, {@code FOR KEY SHARE}), what to
 * do with rows others hold ({@code WAIT}, {@code NOWAIT} or {@code SKIP_LOCKED}), both character
 * literals, and the tables of OF (a list of identifiers, empty without OF).
 */
public final class RowLockingMarker {

    public static final SqlSpecialOperator ROW_LOCKING = new SqlSpecialOperator("ROW LOCKING", SqlKind.OTHER);

    private RowLockingMarker() {
    }

    /** Tells whether a token is the unquoted word, which Calcite's grammar reads as an identifier. */
    public static boolean isWord(Token token, String word) {
        return token.kind == PgSqlParserImplConstants.IDENTIFIER && token.image.equalsIgnoreCase(word);
    }

    /** Throws PostgreSQL's syntax error unless the token is the word. */
    public static void expectWord(Token token, String word) {
        if (!isWord(token, word)) {
            throw new ParserException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + token.image + "\"",
                    new SqlParserPos(token.beginLine, token.beginColumn));
        }
    }

    public static SqlCall of(SqlNode query, String strength, String wait, List<SqlNode> tables, SqlParserPos pos) {
        return ROW_LOCKING.createCall(pos, query, SqlLiteral.createCharString(strength, pos),
                SqlLiteral.createCharString(wait, pos), new SqlNodeList(tables, pos));
    }
}
