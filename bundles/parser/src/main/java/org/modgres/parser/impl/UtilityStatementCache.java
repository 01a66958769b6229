package org.modgres.parser.impl;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.modgres.api.sql.CheckpointStatement;
import org.modgres.api.sql.DiscardStatement;
import org.modgres.api.sql.ResetStatement;
import org.modgres.api.sql.SavepointStatement;
import org.modgres.api.sql.SetStatement;
import org.modgres.api.sql.ShowStatement;
import org.modgres.api.sql.Statement;
import org.modgres.api.sql.TransactionStatement;

/**
 * Parsed statements by their exact text, for the few utility statements that clients send over
 * and over as simple queries: BEGIN, COMMIT and ROLLBACK around every transaction (psycopg2,
 * pgbench -M simple), SET and SHOW at connection start. Running the full grammar for them costs
 * more than the rest of the round trip, because its lookahead tries the query alternatives first.
 * Only statements whose records are immutable are kept, never a query's syntax tree, which the
 * planner rewrites; the size is bounded, and a full cache starts over.
 */
final class UtilityStatementCache {

    private static final int MAX_ENTRIES = 512;
    private static final int MAX_TEXT_LENGTH = 256;

    private final ConcurrentHashMap<String, List<Statement>> byText = new ConcurrentHashMap<>();

    /** Returns the statements parsed earlier from exactly this text, or null. */
    List<Statement> get(String sql) {
        return sql.length() > MAX_TEXT_LENGTH ? null : byText.get(sql);
    }

    /** Keeps what a text parsed to, if every statement in it is an immutable utility record. */
    void offer(String sql, List<Statement> parsed) {
        if (sql.length() > MAX_TEXT_LENGTH || parsed.isEmpty()
                || !parsed.stream().allMatch(UtilityStatementCache::immutable)) {
            return;
        }
        if (byText.size() >= MAX_ENTRIES) {
            byText.clear();
        }
        byText.putIfAbsent(sql, List.copyOf(parsed));
    }

    private static boolean immutable(Statement statement) {
        return statement instanceof TransactionStatement || statement instanceof SavepointStatement
                || statement instanceof SetStatement || statement instanceof ShowStatement
                || statement instanceof ResetStatement || statement instanceof DiscardStatement
                || statement instanceof CheckpointStatement;
    }
}
