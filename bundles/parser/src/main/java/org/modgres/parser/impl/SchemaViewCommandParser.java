package org.modgres.parser.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.PlannableStatement;
import org.modgres.api.sql.SchemaStatement;
import org.modgres.api.sql.Statement;
import org.modgres.api.sql.StatementKind;
import org.modgres.api.sql.ViewStatement;

/**
 * Reads CREATE SCHEMA, DROP SCHEMA, CREATE [OR REPLACE] VIEW and DROP VIEW, as gram.y's
 * CreateSchemaStmt, ViewStmt and DropStmt do. The query of a view is the main grammar's.
 * Schema elements (CREATE SCHEMA s CREATE TABLE ...), temporary and recursive views and
 * WITH options are refused with 0A000; WITH CHECK OPTION is accepted and not enforced.
 */
final class SchemaViewCommandParser {

    private final String sql;
    private final CopyTokens tokens;

    private SchemaViewCommandParser(String sql) {
        this.sql = sql;
        this.tokens = new CopyTokens(sql);
    }

    /** Tells whether a statement whose first word this is may be one of these commands. */
    static boolean startsCommand(String firstWord) {
        return firstWord.equals("create") || firstWord.equals("drop");
    }

    /** Tells whether a statement starts with CREATE SCHEMA, DROP SCHEMA, CREATE [OR REPLACE] VIEW or DROP VIEW. */
    static boolean isCommand(String sql) {
        CopyTokens tokens = new CopyTokens(sql);
        if (tokens.acceptWord("create")) {
            if (tokens.acceptWord("or")) {
                return tokens.acceptWord("replace") && isViewStart(tokens);
            }
            return tokens.peekWord("schema") || isViewStart(tokens);
        }
        return tokens.acceptWord("drop") && (tokens.peekWord("schema") || tokens.peekWord("view"));
    }

    private static boolean isViewStart(CopyTokens tokens) {
        if (tokens.acceptWord("temp") || tokens.acceptWord("temporary")) {
            return tokens.peekWord("view") || tokens.acceptWord("recursive") && tokens.peekWord("view");
        }
        tokens.acceptWord("recursive");
        return tokens.peekWord("view");
    }

    /** Parses the command at the start of the string, and the statements after it with {@code rest}. */
    static List<Statement> parse(String sql, Function<String, List<Statement>> rest) {
        SchemaViewCommandParser parser = new SchemaViewCommandParser(sql);
        int start = parser.tokens.position();
        if (parser.tokens.acceptWord("drop")) {
            Statement drop = parser.tokens.acceptWord("schema") ? parser.dropSchema(start) : parser.dropView(start);
            return StatementStarts.followedByRest(drop, sql, parser.tokens, rest);
        }
        parser.tokens.expectWord("create");
        if (parser.tokens.acceptWord("schema")) {
            return StatementStarts.followedByRest(parser.createSchema(start), sql, parser.tokens, rest);
        }
        return parser.createView(start, rest);
    }

    private SchemaStatement createSchema(int start) {
        boolean ifNotExists = false;
        if (tokens.acceptWord("if")) {
            tokens.expectWord("not");
            tokens.expectWord("exists");
            ifNotExists = true;
        }
        String name = null;
        String authorization = null;
        if (!tokens.peekWord("authorization")) {
            name = tokens.name();
        }
        if (tokens.acceptWord("authorization")) {
            authorization = tokens.name();
        }
        if (tokens.peekWord("create") || tokens.peekWord("grant")) {
            throw notSupported("schema elements in CREATE SCHEMA are");
        }
        return new SchemaStatement.Create(text(start), ifNotExists, name, authorization);
    }

    private SchemaStatement dropSchema(int start) {
        boolean ifExists = acceptIfExists();
        List<String> names = new ArrayList<>();
        do {
            names.add(tokens.name());
        } while (tokens.acceptSymbol(','));
        boolean cascade = acceptCascade();
        return new SchemaStatement.Drop(text(start), ifExists, names, cascade);
    }

    private ViewStatement dropView(int start) {
        tokens.expectWord("view");
        boolean ifExists = acceptIfExists();
        List<List<String>> names = new ArrayList<>();
        do {
            names.add(tokens.qualifiedName());
        } while (tokens.acceptSymbol(','));
        boolean cascade = acceptCascade();
        return new ViewStatement.Drop(text(start), ifExists, names, cascade);
    }

    private List<Statement> createView(int start, Function<String, List<Statement>> rest) {
        boolean orReplace = false;
        if (tokens.acceptWord("or")) {
            tokens.expectWord("replace");
            orReplace = true;
        }
        if (tokens.acceptWord("temp") || tokens.acceptWord("temporary")) {
            throw notSupported("temporary views are");
        }
        if (tokens.acceptWord("recursive")) {
            throw notSupported("recursive views are");
        }
        tokens.expectWord("view");
        List<String> name = tokens.qualifiedName();
        List<String> columns = new ArrayList<>();
        if (tokens.acceptSymbol('(')) {
            do {
                columns.add(tokens.name());
            } while (tokens.acceptSymbol(','));
            tokens.expectSymbol(')');
        }
        if (tokens.peekWord("with")) {
            throw notSupported("view options (WITH ...) are");
        }
        tokens.expectWord("as");
        int queryStart = tokens.position();
        List<Statement> statements;
        try {
            statements = new ArrayList<>(rest.apply(sql.substring(queryStart)));
        } catch (PgException e) {
            throw e.position() > 0 ? e.withPosition(e.position() + queryStart) : e;
        }
        if (statements.isEmpty() || !(statements.get(0) instanceof PlannableStatement query)
                || query.kind() != StatementKind.SELECT && query.kind() != StatementKind.VALUES) {
            throw new PgException(SqlState.SYNTAX_ERROR, Severity.ERROR, "syntax error at or near \""
                    + firstWordAt(queryStart) + "\"", null, null, queryStart + 1, null);
        }
        String text = sql.substring(start, queryStart) + query.text();
        statements.set(0, new ViewStatement.Create(text, orReplace, name, columns, query));
        return statements;
    }

    private String firstWordAt(int at) {
        String word = CopyTokens.firstWord(sql.substring(at));
        return word.isEmpty() && at < sql.length() ? sql.substring(at, at + 1) : word;
    }

    private boolean acceptIfExists() {
        if (tokens.acceptWord("if")) {
            tokens.expectWord("exists");
            return true;
        }
        return false;
    }

    private boolean acceptCascade() {
        if (tokens.acceptWord("cascade")) {
            return true;
        }
        tokens.acceptWord("restrict");
        return false;
    }

    private String text(int start) {
        return sql.substring(start, tokens.position()).strip();
    }

    /** The error for what Modgres does not do yet. */
    private static PgException notSupported(String what) {
        return new PgException(SqlState.FEATURE_NOT_SUPPORTED, Severity.ERROR, what + " not supported yet", null,
                null, 0, null);
    }
}
