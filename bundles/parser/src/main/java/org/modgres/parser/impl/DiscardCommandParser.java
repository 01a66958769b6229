package org.modgres.parser.impl;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.modgres.api.sql.DiscardStatement;
import org.modgres.api.sql.Statement;

/** Reads {@code DISCARD {ALL | PLANS | SEQUENCES | TEMP | TEMPORARY}}, as gram.y's DiscardStmt. */
final class DiscardCommandParser {

    private DiscardCommandParser() {
    }

    static boolean startsDiscard(String firstWord) {
        return firstWord.equals("discard");
    }

    /** Parses the DISCARD at the start of the string, and the statements after it with {@code rest}. */
    static List<Statement> parse(String sql, Function<String, List<Statement>> rest) {
        CopyTokens tokens = new CopyTokens(sql);
        int start = tokens.position();
        tokens.expectWord("discard");
        String target;
        if (tokens.acceptWord("temp") || tokens.acceptWord("temporary")) {
            target = "TEMP";
        } else if (tokens.peekWord("all") || tokens.peekWord("plans") || tokens.peekWord("sequences")) {
            target = tokens.word().toUpperCase(Locale.ROOT);
        } else {
            throw tokens.unexpected();
        }
        String text = sql.substring(start, tokens.position()).strip();
        return StatementStarts.followedByRest(new DiscardStatement(text, target), sql, tokens, rest);
    }
}
