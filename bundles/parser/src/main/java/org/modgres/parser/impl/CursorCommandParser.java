package org.modgres.parser.impl;

import java.util.List;
import java.util.function.Function;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.CursorStatement;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.Statement;

/**
 * Reads the cursor statements DECLARE, FETCH, MOVE and CLOSE, which the main grammar has no place
 * for; the query of a DECLARE is parsed by the main grammar. Cursors read forward only, so FETCH
 * directions that go backward or jump are refused as PostgreSQL refuses them for a NO SCROLL
 * cursor.
 */
final class CursorCommandParser {

    private final String sql;
    private final CopyTokens tokens;

    private CursorCommandParser(String sql) {
        this.sql = sql;
        this.tokens = new CopyTokens(sql);
    }

    /** Returns whether a first word starts a cursor statement. */
    static boolean startsCursorStatement(String firstWord) {
        return switch (firstWord) {
            case "declare", "fetch", "move", "close" -> true;
            default -> false;
        };
    }

    /** Parses a string holding one cursor statement, with an optional trailing semicolon. */
    static List<Statement> parse(String sql, Function<String, List<Statement>> queryParser) {
        CursorCommandParser parser = new CursorCommandParser(sql);
        String command = parser.tokens.word();
        Statement statement = switch (command) {
            case "declare" -> parser.declare(queryParser);
            case "fetch", "move" -> parser.fetch(command.equals("move"));
            default -> parser.close();
        };
        return List.of(statement);
    }

    private CursorStatement.Declare declare(Function<String, List<Statement>> queryParser) {
        String name = tokens.name();
        if (tokens.acceptWord("binary")) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "binary cursors are not supported");
        }
        if (!tokens.acceptWord("asensitive")) {
            tokens.acceptWord("insensitive");
        }
        if (tokens.acceptWord("no")) {
            tokens.expectWord("scroll");
        } else {
            tokens.acceptWord("scroll");
        }
        tokens.expectWord("cursor");
        boolean hold = false;
        if (tokens.acceptWord("with")) {
            tokens.expectWord("hold");
            hold = true;
        } else if (tokens.acceptWord("without")) {
            tokens.expectWord("hold");
        }
        tokens.expectWord("for");
        int start = tokens.position();
        List<Statement> query;
        try {
            query = queryParser.apply(sql.substring(start));
        } catch (PgException e) {
            throw e.position() > 0 ? e.withPosition(e.position() + start) : e;
        }
        if (query.size() != 1 || !(query.get(0) instanceof PlannableStatement plannable)
                || !plannable.kind().commandName().equals("SELECT")) {
            throw new PgException(SqlState.SYNTAX_ERROR, "DECLARE CURSOR needs exactly one SELECT or VALUES query");
        }
        return new CursorStatement.Declare(sql.strip(), name, plannable, hold);
    }

    private CursorStatement.Fetch fetch(boolean move) {
        long count = 1;
        if (tokens.acceptWord("forward")) {
            count = countOrAll(1);
        } else if (tokens.acceptWord("next")) {
            count = 1;
        } else if (tokens.acceptWord("all")) {
            count = Long.MAX_VALUE;
        } else if (peekNumber()) {
            count = number();
        } else if (tokens.peekWord("backward") || tokens.peekWord("prior") || tokens.peekWord("first")
                || tokens.peekWord("last") || tokens.peekWord("absolute") || tokens.peekWord("relative")) {
            throw onlyForward();
        }
        if (count < 0) {
            throw onlyForward();
        }
        if (!tokens.acceptWord("from")) {
            tokens.acceptWord("in");
        }
        String name = tokens.name();
        end();
        return new CursorStatement.Fetch(sql.strip(), name, count, move);
    }

    private static PgException onlyForward() {
        return new PgException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, Severity.ERROR,
                "cursor can only scan forward", null, "Declare it with SCROLL option to enable backward scan.", 0,
                null);
    }

    private CursorStatement.Close close() {
        String name = tokens.acceptWord("all") ? null : tokens.name();
        end();
        return new CursorStatement.Close(sql.strip(), name);
    }

    private long countOrAll(long otherwise) {
        if (tokens.acceptWord("all")) {
            return Long.MAX_VALUE;
        }
        return peekNumber() ? number() : otherwise;
    }

    private boolean peekNumber() {
        if (tokens.peekSymbol('-') || tokens.peekSymbol('+')) {
            return true;
        }
        if (tokens.atEnd()) {
            return false;
        }
        char c = sql.charAt(tokens.position());
        return c >= '0' && c <= '9';
    }

    private long number() {
        boolean negative = tokens.acceptSymbol('-');
        if (!negative) {
            tokens.acceptSymbol('+');
        }
        String digits = tokens.word();
        try {
            long value = Long.parseLong(digits);
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            throw new PgException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + digits + "\"");
        }
    }

    private void end() {
        tokens.acceptSymbol(';');
        if (!tokens.atEnd()) {
            throw tokens.unexpected();
        }
    }
}
