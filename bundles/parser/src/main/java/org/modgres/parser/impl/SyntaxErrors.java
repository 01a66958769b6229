package org.modgres.parser.impl;

import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.APPROX_NUMERIC_LITERAL;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.CONCAT;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.DECIMAL_NUMERIC_LITERAL;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.DOUBLE_QUOTE;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.EOF;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.EQ;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.FALSE;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.GE;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.GT;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.IDENTIFIER;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.INFIX_CAST;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.LE;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.LT;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.MINUS;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.NE;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.NE2;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.NEGATE_TILDE;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.NEGATE_TILDE_STAR;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.NULL;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.PERCENT_REMAINDER;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.PLUS;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.POSITIONAL_PARAM;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.QUOTE;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.QUOTED_IDENTIFIER;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.QUOTED_STRING;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.RBRACKET;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.RPAREN;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.SLASH;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.STAR;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.TILDE;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.TILDE_STAR;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.TRUE;
import static org.modgres.parser.impl.grammar.PgSqlParserImplConstants.UNSIGNED_INTEGER_LITERAL;

import java.util.Locale;

import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.parser.impl.grammar.ParseException;
import org.modgres.parser.impl.grammar.PgSqlParserImpl;
import org.modgres.parser.impl.grammar.Token;
import org.modgres.parser.impl.grammar.TokenMgrError;
import org.modgres.parser.impl.syntax.ParserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever the generated parser throws into the error PostgreSQL reports for the same
 * input: SQLSTATE 42601 "syntax error at or near "token"" or "syntax error at end of input",
 * with the token's 1-based character position in the whole string. Calcite's messages never
 * reach the client.
 */
final class SyntaxErrors {

    private static final Logger LOG = LoggerFactory.getLogger(SyntaxErrors.class);

    private SyntaxErrors() {
    }

    static PgException translate(Throwable error, SourceText source, PgSqlParserImpl parser) {
        return switch (error) {
            case ParserException e -> fromParser(e, source);
            // without error reporting the parser leaves its last good token in place of currentToken
            case ParseException e -> e.currentToken == null
                    ? unexpectedToken(parser.token, nextToken(parser), source)
                    : unexpectedToken(e.currentToken, e.currentToken.next, source);
            case TokenMgrError e -> lexical(source, lastScannedToken(parser));
            case CalciteContextException e -> nearOffset(source, source.offset(e.getPosLine(), e.getPosColumn()));
            case StackOverflowError e -> new PgException(SqlState.PROGRAM_LIMIT_EXCEEDED, "stack depth limit exceeded");
            default -> {
                LOG.debug("Parser failed in an unexpected way; reporting a syntax error", error);
                yield unexpectedToken(nextToken(parser), source);
            }
        };
    }

    private static PgException fromParser(ParserException e, SourceText source) {
        final SqlParserPos pos = e.pos();
        final int position = pos == null
                ? 0
                : source.position(source.offset(pos.getLineNum(), pos.getColumnNum()) + e.offsetInToken());
        return new PgException(e.sqlState(), Severity.ERROR, e.getMessage(), null, e.hint(), position, null);
    }

    /**
     * The parser looks two tokens ahead before it takes a binary operator, so "1 + from" fails at
     * "+"; PostgreSQL takes the operator after an operand and fails at the next token.
     */
    private static PgException unexpectedToken(Token previous, Token token, SourceText source) {
        if (token != null && token.next != null && isOperator(token.kind) && endsOperand(previous.kind)) {
            return unexpectedToken(token.next, source);
        }
        return unexpectedToken(token, source);
    }

    private static PgException unexpectedToken(Token token, SourceText source) {
        if (token == null || token.kind == EOF) {
            return syntaxError("syntax error at end of input", source.endPosition());
        }
        final int offset = source.offset(token.beginLine, token.beginColumn);
        if (token.kind == QUOTE || token.kind == DOUBLE_QUOTE) {
            // Calcite's lexer has tokens for a lone quote: an unterminated string ends up here.
            return unterminated(source, quoteStart(source.sql(), offset));
        }
        // The image of a rewritten token (an E'...' string) is not what the client wrote.
        final SqlParserPos pos = new SqlParserPos(token.beginLine, token.beginColumn, token.endLine, token.endColumn);
        return syntaxError("syntax error at or near \"" + source.text(pos) + "\"", source.position(offset));
    }

    private static boolean endsOperand(int kind) {
        return switch (kind) {
            case IDENTIFIER, QUOTED_IDENTIFIER, UNSIGNED_INTEGER_LITERAL, DECIMAL_NUMERIC_LITERAL,
                 APPROX_NUMERIC_LITERAL, QUOTED_STRING, POSITIONAL_PARAM, RPAREN, RBRACKET, NULL, TRUE, FALSE -> true;
            default -> false;
        };
    }

    private static boolean isOperator(int kind) {
        return switch (kind) {
            case PLUS, MINUS, STAR, SLASH, PERCENT_REMAINDER, CONCAT, EQ, NE, NE2, LT, GT, LE, GE, INFIX_CAST,
                 TILDE, TILDE_STAR, NEGATE_TILDE, NEGATE_TILDE_STAR -> true;
            default -> false;
        };
    }

    /** Returns where a string starts whose quote is at {@code quote}: before its E, X, B, N or U& prefix. */
    private static int quoteStart(String sql, int quote) {
        int start = quote;
        if (start >= 2 && sql.regionMatches(true, start - 2, "U&", 0, 2)) {
            start -= 2;
        } else if (start >= 1 && "EeXxBbNn".indexOf(sql.charAt(start - 1)) >= 0) {
            start -= 1;
        }
        final boolean prefixIsWordEnd = start == quote || start == 0
                || !Character.isLetterOrDigit(sql.charAt(start - 1)) && sql.charAt(start - 1) != '_';
        return prefixIsWordEnd ? start : quote;
    }

    private static PgException nearOffset(SourceText source, int offset) {
        final int start = source.skipBlanks(offset);
        if (start >= source.sql().length()) {
            return syntaxError("syntax error at end of input", source.endPosition());
        }
        return syntaxError("syntax error at or near \"" + source.tokenAt(start) + "\"", source.position(start));
    }

    /** A character the lexer could not take: an unterminated quote or comment, or a stray one. */
    private static PgException lexical(SourceText source, Token lastScanned) {
        final int afterLast = lastScanned == null || lastScanned.beginLine == 0
                ? 0
                : source.offset(lastScanned.endLine, lastScanned.endColumn) + 1;
        final int start = source.skipBlanks(afterLast);
        if (start >= source.sql().length()) {
            return syntaxError("syntax error at end of input", source.endPosition());
        }
        return unterminated(source, start);
    }

    /** Reports the unterminated string, identifier or comment at {@code start}, or a stray character. */
    private static PgException unterminated(SourceText source, int start) {
        final String rest = source.sql().substring(start);
        final String problem;
        if (rest.startsWith("\"\"")) {
            return syntaxError("zero-length delimited identifier at or near \"\"\"\"", source.position(start));
        } else if (rest.startsWith("/*")) {
            problem = "unterminated /* comment";
        } else if (startsQuoted(rest, '\'')) {
            problem = "unterminated quoted string";
        } else if (startsQuoted(rest, '"')) {
            problem = "unterminated quoted identifier";
        } else {
            return nearOffset(source, start);
        }
        return syntaxError(problem + " at or near \"" + rest + "\"", source.position(start));
    }

    /** Returns whether {@code text} starts with {@code quote}, after a prefix such as E, X or U&. */
    private static boolean startsQuoted(String text, char quote) {
        final int open = text.indexOf(quote);
        if (open < 0 || open > 2) {
            return false;
        }
        final String prefix = text.substring(0, open).toUpperCase(Locale.ROOT);
        return switch (prefix) {
            case "" -> true;
            case "E", "X", "B", "N" -> quote == '\'';
            case "U&" -> true;
            default -> false;
        };
    }

    private static Token nextToken(PgSqlParserImpl parser) {
        final Token current = parser.token;
        return current == null ? null : current.next;
    }

    private static Token lastScannedToken(PgSqlParserImpl parser) {
        Token t = parser.token;
        while (t != null && t.next != null) {
            t = t.next;
        }
        return t;
    }

    private static PgException syntaxError(String message, int position) {
        return new PgException(SqlState.SYNTAX_ERROR, Severity.ERROR, message, null, null, position, null);
    }
}
