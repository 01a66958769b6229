package org.modgres.api.plan;

import java.util.List;

import org.modgres.api.sql.PlannableStatement;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns a parsed statement into a plan an {@link org.modgres.api.exec.Executor} can run.
 * Implemented by planner bundles and registered as a service; the session manager uses the one
 * with the highest {@code service.ranking} for each new statement, so deploying a higher-ranked
 * planner takes over without dropping a connection.
 */
@ConsumerType
public interface Planner {

    /** Returns a short name, shown by {@code SHOW modgres.planner} and recorded in each plan. */
    String name();

    /**
     * Plans one statement against the catalog in the context.
     *
     * @throws org.modgres.api.error.PgException for statements that are invalid against the
     *         catalog (42P01, 42703, 42804, ...)
     */
    Plan plan(PlannableStatement statement, PlanningContext context);

    /**
     * Returns, without parsing, the plan this planner already shares for statements of the same
     * shape as this text, with the text's own literal values; null when it has none, and the
     * caller parses and plans as usual. Used for the text of a simple Query holding one statement,
     * whose context {@link PlanningContext#sharesPlansAcrossLiterals() shares plans}.
     */
    default Plan planShared(String text, PlanningContext context) {
        return null;
    }

    /**
     * Returns a number that changes whenever this planner would plan a statement differently
     * for a reason other than the catalog: planner rules or functions that came or went. Cached
     * plans made under another generation are planned again.
     */
    default long generation() {
        return 0;
    }

    /**
     * Describes a plan this planner made, one line per node, for EXPLAIN. The session adds
     * which planner and executor serve the statement.
     */
    default List<String> explain(Plan plan) {
        return List.of(plan.getClass().getSimpleName());
    }
}
