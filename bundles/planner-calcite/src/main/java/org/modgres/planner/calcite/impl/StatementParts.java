package org.modgres.planner.calcite.impl;

import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWith;

/**
 * A query or DML statement's syntax tree taken apart: the statement Calcite knows, and the
 * PostgreSQL clauses the parser keeps beside it (see {@code PlannableStatement#syntaxTree}).
 *
 * @param main           the query, or the SqlInsert, SqlUpdate or SqlDelete
 * @param returning      the RETURNING items, or null
 * @param conflictTarget the columns of ON CONFLICT (...), empty when none are given; null without ON CONFLICT
 * @param conflictUpdate the SET and WHERE of ON CONFLICT DO UPDATE, or null
 * @param from           the FROM items of UPDATE or the USING items of DELETE (one table reference
 *                       or join), or null
 * @param withList       the WITH list before an INSERT, UPDATE or DELETE, or null
 */
record StatementParts(SqlNode main, SqlNodeList returning, SqlNodeList conflictTarget, SqlUpdate conflictUpdate,
                      SqlNode from, SqlNodeList withList) {

    static StatementParts of(SqlNode tree) {
        if (tree instanceof SqlWith with && isDml(with.body)) {
            StatementParts body = of(with.body);
            return new StatementParts(body.main, body.returning, body.conflictTarget, body.conflictUpdate, body.from,
                    with.withList);
        }
        if (!(tree instanceof SqlNodeList list)) {
            return new StatementParts(tree, null, null, null, null, null);
        }
        SqlNodeList returning = (SqlNodeList) list.get(1);
        SqlNode main = list.get(0);
        if (!(main instanceof SqlInsert)) {
            SqlNode from = list.size() > 2 ? ((SqlNodeList) list.get(2)).get(0) : null;
            return new StatementParts(main, returning.isEmpty() ? null : returning, null, null, from, null);
        }
        return new StatementParts(main, returning.isEmpty() ? null : returning,
                list.size() > 2 ? (SqlNodeList) list.get(2) : null,
                list.size() > 3 ? (SqlUpdate) list.get(3) : null, null, null);
    }

    private static boolean isDml(SqlNode body) {
        SqlNode main = body instanceof SqlNodeList list ? list.get(0) : body;
        return switch (main.getKind()) {
            case INSERT, UPDATE, DELETE -> true;
            default -> false;
        };
    }

    boolean onConflict() {
        return conflictTarget != null;
    }

    /** Returns these parts with another main statement and FROM items, as a rewrite made them. */
    StatementParts with(SqlNode newMain, SqlNode newFrom) {
        return new StatementParts(newMain, returning, conflictTarget, conflictUpdate, newFrom, null);
    }
}
