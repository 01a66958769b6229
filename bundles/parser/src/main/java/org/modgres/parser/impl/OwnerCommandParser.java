package org.modgres.parser.impl;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.modgres.api.sql.OwnerStatement;
import org.modgres.api.sql.Statement;

/**
 * Reads {@code ALTER TABLE | VIEW | SEQUENCE [IF EXISTS] name OWNER TO role}, the OWNER TO forms of
 * gram.y's AlterOwnerStmt and AlterTableStmt. Every other ALTER is left to the main grammar.
 */
final class OwnerCommandParser {

    private static final Map<String, OwnerStatement.Type> TYPES = Map.of("table", OwnerStatement.Type.TABLE,
            "view", OwnerStatement.Type.VIEW, "sequence", OwnerStatement.Type.SEQUENCE);
    private static final Map<String, String> ROLE_KEYWORDS = Map.of("current_user", OwnerStatement.CURRENT_USER,
            "current_role", OwnerStatement.CURRENT_ROLE, "session_user", OwnerStatement.SESSION_USER);

    private OwnerCommandParser() {
    }

    /** Tells whether a statement whose first word this is may be one of these commands. */
    static boolean startsCommand(String firstWord) {
        return firstWord.equals("alter");
    }

    /** Tells whether the statement at the start of the string is an ALTER ... OWNER TO of a relation. */
    static boolean isCommand(String sql) {
        CopyTokens tokens = new CopyTokens(sql);
        try {
            return readUpToOwner(tokens) != null;
        } catch (RuntimeException notThisCommand) {
            return false;
        }
    }

    /** Parses the command at the start of the string, and the statements after it with {@code rest}. */
    static List<Statement> parse(String sql, Function<String, List<Statement>> rest) {
        CopyTokens tokens = new CopyTokens(sql);
        int start = tokens.position();
        Target target = readUpToOwner(tokens);
        if (target == null) {
            throw tokens.unexpected();
        }
        String newOwner;
        if (tokens.peekSymbol('"')) {
            newOwner = tokens.name();
        } else {
            String word = tokens.word();
            newOwner = ROLE_KEYWORDS.getOrDefault(word, word);
        }
        String text = sql.substring(start, tokens.position()).strip();
        OwnerStatement statement = new OwnerStatement(target.type, target.name, target.ifExists, newOwner, text);
        return StatementStarts.followedByRest(statement, sql, tokens, rest);
    }

    /** Reads up to and including OWNER TO; returns null when the statement is another ALTER. */
    private static Target readUpToOwner(CopyTokens tokens) {
        if (!tokens.acceptWord("alter")) {
            return null;
        }
        OwnerStatement.Type type = null;
        for (Map.Entry<String, OwnerStatement.Type> candidate : TYPES.entrySet()) {
            if (tokens.acceptWord(candidate.getKey())) {
                type = candidate.getValue();
                break;
            }
        }
        if (type == null) {
            return null;
        }
        boolean ifExists = false;
        if (tokens.peekWord("if")) {
            tokens.acceptWord("if");
            if (!tokens.acceptWord("exists")) {
                return null;
            }
            ifExists = true;
        }
        List<String> name = tokens.qualifiedName();
        if (!tokens.acceptWord("owner") || !tokens.acceptWord("to")) {
            return null;
        }
        return new Target(type, name, ifExists);
    }

    private record Target(OwnerStatement.Type type, List<String> name, boolean ifExists) {
    }
}
