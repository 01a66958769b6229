package org.modgres.executor.impl.expr;

import java.util.Locale;

import org.apache.calcite.rex.RexCall;
import org.modgres.api.catalog.SystemRelationContext;

/** The SQL functions that name the session: current_user, session_user, current_catalog, current_schema. */
final class SessionValues {

    private SessionValues() {
    }

    /** Returns the evaluator of such a call, or null when the call is of another function. */
    static Evaluator resolve(RexCall call, SystemRelationContext session) {
        if (!call.getOperands().isEmpty()) {
            return null;
        }
        return switch (call.getOperator().getName().toUpperCase(Locale.ROOT)) {
            case "CURRENT_USER", "USER", "CURRENT_ROLE" ->
                    row -> session == null ? "postgres" : session.currentUser();
            case "SESSION_USER", "SYSTEM_USER" -> row -> session == null ? "postgres" : session.sessionUser();
            case "CURRENT_CATALOG" -> row -> session == null ? "postgres" : session.databaseName();
            // the planner folds current_schema into a constant when the search path has a schema
            case "CURRENT_SCHEMA" -> new Constant(null);
            default -> null;
        };
    }
}
