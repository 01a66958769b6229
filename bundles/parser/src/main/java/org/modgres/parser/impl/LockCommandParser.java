package org.modgres.parser.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.modgres.api.sql.LockStatement;
import org.modgres.api.sql.Statement;
import org.modgres.api.storage.TableLockMode;

/**
 * Reads {@code LOCK [TABLE] [ONLY] name [*] [, ...] [IN mode MODE] [NOWAIT]}, as gram.y's
 * LockStmt, where the mode is one to three words such as {@code SHARE ROW EXCLUSIVE}.
 */
final class LockCommandParser {

    private LockCommandParser() {
    }

    static boolean startsLock(String firstWord) {
        return firstWord.equals("lock");
    }

    /** Parses the LOCK at the start of the string, and the statements after it with {@code rest}. */
    static List<Statement> parse(String sql, Function<String, List<Statement>> rest) {
        CopyTokens tokens = new CopyTokens(sql);
        int start = tokens.position();
        tokens.expectWord("lock");
        tokens.acceptWord("table");
        List<List<String>> tables = new ArrayList<>();
        do {
            tokens.acceptWord("only");
            tables.add(tokens.qualifiedName());
            tokens.acceptSymbol('*');
        } while (tokens.acceptSymbol(','));
        TableLockMode mode = TableLockMode.ACCESS_EXCLUSIVE;
        if (tokens.acceptWord("in")) {
            mode = lockMode(tokens);
            tokens.expectWord("mode");
        }
        boolean nowait = tokens.acceptWord("nowait");
        String text = sql.substring(start, tokens.position()).strip();
        return StatementStarts.followedByRest(new LockStatement(text, tables, mode, nowait), sql, tokens, rest);
    }

    private static TableLockMode lockMode(CopyTokens tokens) {
        if (tokens.acceptWord("access")) {
            if (tokens.acceptWord("share")) {
                return TableLockMode.ACCESS_SHARE;
            }
            tokens.expectWord("exclusive");
            return TableLockMode.ACCESS_EXCLUSIVE;
        }
        if (tokens.acceptWord("row")) {
            if (tokens.acceptWord("share")) {
                return TableLockMode.ROW_SHARE;
            }
            tokens.expectWord("exclusive");
            return TableLockMode.ROW_EXCLUSIVE;
        }
        if (tokens.acceptWord("share")) {
            if (tokens.acceptWord("update")) {
                tokens.expectWord("exclusive");
                return TableLockMode.SHARE_UPDATE_EXCLUSIVE;
            }
            if (tokens.acceptWord("row")) {
                tokens.expectWord("exclusive");
                return TableLockMode.SHARE_ROW_EXCLUSIVE;
            }
            return TableLockMode.SHARE;
        }
        tokens.expectWord("exclusive");
        return TableLockMode.EXCLUSIVE;
    }
}
