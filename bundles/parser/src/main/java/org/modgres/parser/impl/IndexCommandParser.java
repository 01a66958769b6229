package org.modgres.parser.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.modgres.api.error.PgException;
import org.modgres.api.error.Severity;
import org.modgres.api.error.SqlState;
import org.modgres.api.sql.IndexStatement;
import org.modgres.api.sql.Statement;

/**
 * Reads CREATE INDEX and DROP INDEX, as gram.y's IndexStmt and DropStmt do. Indexes are on
 * columns: CONCURRENTLY, ONLY, ASC/DESC, NULLS FIRST/LAST, INCLUDE, WITH (...) and TABLESPACE
 * are accepted and change nothing; index expressions, partial indexes (WHERE) and access
 * methods other than btree and hash are refused with 0A000.
 */
final class IndexCommandParser {

    private static final Set<String> ACCESS_METHODS = Set.of("btree", "hash");

    private final CopyTokens tokens;

    private IndexCommandParser(String sql) {
        this.tokens = new CopyTokens(sql);
    }

    /** Tells whether a statement whose first word this is may be CREATE INDEX or DROP INDEX. */
    static boolean startsIndexCommand(String firstWord) {
        return firstWord.equals("create") || firstWord.equals("drop");
    }

    /** Tells whether a statement starts with CREATE [UNIQUE] INDEX or DROP INDEX. */
    static boolean isIndexCommand(String sql) {
        CopyTokens tokens = new CopyTokens(sql);
        if (tokens.acceptWord("create")) {
            tokens.acceptWord("unique");
            return tokens.peekWord("index");
        }
        return tokens.acceptWord("drop") && tokens.peekWord("index");
    }

    /** Parses the index statement at the start of the string, and the statements after it with {@code rest}. */
    static List<Statement> parse(String sql, Function<String, List<Statement>> rest) {
        IndexCommandParser parser = new IndexCommandParser(sql);
        int start = parser.tokens.position();
        IndexStatement statement = parser.tokens.peekWord("drop") ? parser.drop(sql, start) : parser.create(sql, start);
        return StatementStarts.followedByRest(statement, sql, parser.tokens, rest);
    }

    private IndexStatement create(String sql, int start) {
        tokens.expectWord("create");
        boolean unique = tokens.acceptWord("unique");
        tokens.expectWord("index");
        tokens.acceptWord("concurrently");
        boolean ifNotExists = false;
        String name = null;
        if (tokens.acceptWord("if")) {
            tokens.expectWord("not");
            tokens.expectWord("exists");
            ifNotExists = true;
            name = tokens.name();
        } else if (!tokens.peekWord("on")) {
            name = tokens.name();
        }
        tokens.expectWord("on");
        tokens.acceptWord("only");
        List<String> table = tokens.qualifiedName();
        if (tokens.acceptWord("using")) {
            String method = tokens.word();
            if (!ACCESS_METHODS.contains(method)) {
                throw notSupported("access method \"" + method + "\" is");
            }
        }
        List<String> columns = elements();
        if (tokens.acceptWord("include")) {
            tokens.parenthesised();
        }
        if (tokens.acceptWord("nulls")) {
            tokens.acceptWord("not");
            tokens.expectWord("distinct");
        }
        if (tokens.acceptWord("with")) {
            tokens.parenthesised();
        }
        if (tokens.acceptWord("tablespace")) {
            tokens.name();
        }
        if (tokens.peekWord("where")) {
            throw notSupported("partial indexes (CREATE INDEX ... WHERE) are");
        }
        String text = sql.substring(start, tokens.position()).strip();
        return new IndexStatement.Create(text, unique, ifNotExists, name, table, columns);
    }

    /** Reads the parenthesised index elements: column names, each with its ordering options. */
    private List<String> elements() {
        tokens.expectSymbol('(');
        List<String> columns = new ArrayList<>();
        do {
            if (tokens.peekSymbol('(')) {
                throw notSupported("index expressions are");
            }
            String column = tokens.name();
            if (tokens.peekSymbol('(')) {
                throw notSupported("index expressions are");
            }
            columns.add(column);
            if (tokens.acceptWord("collate")) {
                tokens.qualifiedName();
            }
            // the order is irrelevant to an index organised by hashing
            if (!tokens.acceptWord("asc")) {
                tokens.acceptWord("desc");
            }
            if (tokens.acceptWord("nulls")) {
                if (!tokens.acceptWord("first")) {
                    tokens.expectWord("last");
                }
            }
        } while (tokens.acceptSymbol(','));
        tokens.expectSymbol(')');
        return columns;
    }

    private IndexStatement drop(String sql, int start) {
        tokens.expectWord("drop");
        tokens.expectWord("index");
        tokens.acceptWord("concurrently");
        boolean ifExists = false;
        if (tokens.acceptWord("if")) {
            tokens.expectWord("exists");
            ifExists = true;
        }
        List<List<String>> names = new ArrayList<>();
        do {
            names.add(tokens.qualifiedName());
        } while (tokens.acceptSymbol(','));
        if (tokens.acceptWord("cascade")) {
            throw notSupported("DROP INDEX ... CASCADE is");
        }
        tokens.acceptWord("restrict");
        String text = sql.substring(start, tokens.position()).strip();
        return new IndexStatement.Drop(text, ifExists, names);
    }

    /** The error for what Modgres does not do yet, such as "index expressions are not supported yet". */
    private static PgException notSupported(String what) {
        return new PgException(SqlState.FEATURE_NOT_SUPPORTED, Severity.ERROR, what + " not supported yet", null,
                null, 0, null);
    }
}
