package org.modgres.api.plan;

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
}
