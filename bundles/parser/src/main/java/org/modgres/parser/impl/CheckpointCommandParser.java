package org.modgres.parser.impl;

import java.util.List;
import java.util.function.Function;

import org.modgres.api.sql.CheckpointStatement;
import org.modgres.api.sql.Statement;

/** Reads {@code CHECKPOINT}, which takes no arguments, as gram.y's CheckPointStmt. */
final class CheckpointCommandParser {

    private CheckpointCommandParser() {
    }

    static boolean startsCheckpoint(String firstWord) {
        return firstWord.equals("checkpoint");
    }

    /** Parses the CHECKPOINT at the start of the string, and the statements after it with {@code rest}. */
    static List<Statement> parse(String sql, Function<String, List<Statement>> rest) {
        CopyTokens tokens = new CopyTokens(sql);
        int start = tokens.position();
        tokens.expectWord("checkpoint");
        String text = sql.substring(start, tokens.position()).strip();
        return StatementStarts.followedByRest(new CheckpointStatement(text), sql, tokens, rest);
    }
}
