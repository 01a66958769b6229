package org.modgres.planner.calcite.impl;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;

/**
 * A query or DML statement's syntax tree taken apart: the statement Calcite knows, and the
 * PostgreSQL clauses the parser keeps beside it (see {@code PlannableStatement#syntaxTree}).
 *
 * @param main           the query, or the SqlInsert, SqlUpdate or SqlDelete
 * @param returning      the RETURNING items, or null
 * @param conflictTarget the columns of ON CONFLICT (...), empty when none are given; null without ON CONFLICT
 * @param conflictUpdate the SET and WHERE of ON CONFLICT DO UPDATE, or null
 */
record StatementParts(SqlNode main, SqlNodeList returning, SqlNodeList conflictTarget, SqlUpdate conflictUpdate) {

    static StatementParts of(SqlNode tree) {
        if (!(tree instanceof SqlNodeList list)) {
            return new StatementParts(tree, null, null, null);
        }
        SqlNodeList returning = (SqlNodeList) list.get(1);
        return new StatementParts(list.get(0), returning.isEmpty() ? null : returning,
                list.size() > 2 ? (SqlNodeList) list.get(2) : null,
                list.size() > 3 ? (SqlUpdate) list.get(3) : null);
    }

    boolean onConflict() {
        return conflictTarget != null;
    }
}
