package org.modgres.api.plan;

import java.util.List;

import org.modgres.api.sql.StatementKind;
import org.modgres.api.type.PgType;

/**
 * A planned statement. Plans are immutable and may be cached and run many times, with new
 * parameter values each time, by any executor, also concurrently.
 */
public sealed interface Plan permits RelationalPlan, CreateTablePlan, DropTablePlan, AlterTablePlan {

    /** Returns what the statement does. */
    StatementKind kind();

    /** Returns the name of the planner that made the plan. */
    String plannerName();

    /** Returns the columns of the rows the statement returns; empty when it returns none. */
    List<ResultColumn> columns();

    /** Returns the types of the statement's parameters, declared or inferred, by position. */
    List<PgType> parameterTypes();

    /** Returns the {@link org.modgres.api.storage.Catalog#version()} the plan was made against. */
    long catalogVersion();
}
