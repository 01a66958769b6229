package org.modgres.planner.calcite.impl;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.Util;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;

/** Small operations on syntax trees that the planner builds new trees from. */
final class SqlTrees {

    private SqlTrees() {
    }

    /**
     * Returns a copy of a tree that shares no identifier or call with it, so that both may be
     * validated: the validator rewrites identifiers in place.
     */
    static SqlNode copy(SqlNode node) {
        return node == null ? null : node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier identifier) {
                return identifier.clone(identifier.getParserPosition());
            }

            @Override
            public SqlNode visit(SqlCall call) {
                CallCopyingArgHandler copier = new CallCopyingArgHandler(call, true);
                call.getOperator().acceptCall(this, call, false, copier);
                return copier.result();
            }
        });
    }

    /** Throws 0A000 when a clause holds a sub-query, which the executor cannot run there. */
    static void rejectSubQueries(SqlNode clause, String what) {
        if (clause == null) {
            return;
        }
        try {
            clause.accept(new SqlBasicVisitor<Void>() {
                @Override
                public Void visit(SqlCall call) {
                    if (call.isA(SqlKind.QUERY)) {
                        throw Util.FoundOne.NULL;
                    }
                    return super.visit(call);
                }
            });
        } catch (Util.FoundOne e) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "sub-queries in " + what + " are not supported");
        }
    }
}
