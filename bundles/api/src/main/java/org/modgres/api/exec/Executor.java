package org.modgres.api.exec;

import org.modgres.api.plan.Plan;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs plans inside a backend's transaction. Implemented by executor bundles and registered as a
 * service; the session manager uses the one with the highest {@code service.ranking} for each
 * new statement.
 */
@ConsumerType
public interface Executor {

    /** Returns a short name, shown by {@code SHOW modgres.executor}. */
    String name();

    /**
     * Starts running a plan. A statement that returns no rows (DDL, DML without RETURNING) has
     * done its work when this returns; a query returns its rows through the cursor as the
     * client reads them. DML with RETURNING has made its changes when this returns and returns
     * one row per changed row through the cursor, whose row count is the rows changed.
     *
     * @throws org.modgres.api.error.PgException for errors while running
     */
    RowCursor execute(Plan plan, ExecutionContext context);
}
