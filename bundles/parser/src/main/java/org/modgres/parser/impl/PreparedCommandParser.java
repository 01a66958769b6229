package org.modgres.parser.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.PreparedStatementCommand;
import org.modgres.api.sql.Statement;

/**
 * Reads PREPARE, EXECUTE and DEALLOCATE. The prepared statement is parsed by the main grammar;
 * parameter types and EXECUTE's arguments are kept as written, for the session to resolve and
 * evaluate.
 */
final class PreparedCommandParser {

    private final String sql;
    private final CopyTokens tokens;

    private PreparedCommandParser(String sql) {
        this.sql = sql;
        this.tokens = new CopyTokens(sql);
    }

    /** Returns whether a first word starts one of these statements. */
    static boolean startsPreparedCommand(String firstWord) {
        return switch (firstWord) {
            case "prepare", "execute", "deallocate" -> true;
            default -> false;
        };
    }

    static List<Statement> parse(String sql, Function<String, List<Statement>> statementParser) {
        PreparedCommandParser parser = new PreparedCommandParser(sql);
        Statement statement = switch (parser.tokens.word()) {
            case "prepare" -> parser.prepare(statementParser);
            case "execute" -> parser.execute();
            default -> parser.deallocate();
        };
        return List.of(statement);
    }

    private PreparedStatementCommand.Prepare prepare(Function<String, List<Statement>> statementParser) {
        if (tokens.peekWord("transaction")) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "prepared transactions are not supported");
        }
        String name = tokens.name();
        List<String> types = tokens.peekSymbol('(') ? split(tokens.parenthesised()) : List.of();
        tokens.expectWord("as");
        int start = tokens.position();
        List<Statement> parsed;
        try {
            parsed = statementParser.apply(sql.substring(start));
        } catch (PgException e) {
            throw e.position() > 0 ? e.withPosition(e.position() + start) : e;
        }
        if (parsed.size() != 1 || !(parsed.get(0) instanceof PlannableStatement statement)) {
            throw new PgException(SqlState.SYNTAX_ERROR,
                    "PREPARE needs exactly one SELECT, VALUES, INSERT, UPDATE or DELETE statement");
        }
        return new PreparedStatementCommand.Prepare(sql.strip(), name, types, statement);
    }

    private PreparedStatementCommand.Execute execute() {
        String name = tokens.name();
        List<String> arguments = tokens.peekSymbol('(') ? split(tokens.parenthesised()) : List.of();
        end();
        return new PreparedStatementCommand.Execute(sql.strip(), name, arguments);
    }

    private PreparedStatementCommand.Deallocate deallocate() {
        tokens.acceptWord("prepare");
        String name = tokens.acceptWord("all") ? null : tokens.name();
        end();
        return new PreparedStatementCommand.Deallocate(sql.strip(), name);
    }

    private void end() {
        tokens.acceptSymbol(';');
        if (!tokens.atEnd()) {
            throw tokens.unexpected();
        }
    }

    /** Splits a parenthesised list at its top-level commas, outside quotes and nested parentheses. */
    private static List<String> split(String list) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        char quote = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(list.substring(start, i).strip());
                start = i + 1;
            }
        }
        String last = list.substring(start).strip();
        if (!last.isEmpty() || !items.isEmpty()) {
            items.add(last);
        }
        if (items.stream().anyMatch(String::isEmpty)) {
            throw new PgException(SqlState.SYNTAX_ERROR, "syntax error at or near \",\"");
        }
        return items;
    }
}
