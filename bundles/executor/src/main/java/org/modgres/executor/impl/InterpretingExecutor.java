package org.modgres.executor.impl;

import org.modgres.api.exec.ExecutionContext;
import org.modgres.api.exec.Executor;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.Plan;
import org.osgi.service.component.annotations.Component;

/**
 * Runs plans by interpreting Calcite's logical relational algebra directly: one pull-based
 * operator per RelNode, one small evaluator per RexNode, no generated code. DDL and DML run
 * to completion in {@link #execute}; a query's rows, and the rows DML returns, are computed as
 * the session pulls them.
 */
@Component(service = Executor.class, property = "service.ranking:Integer=0")
public final class InterpretingExecutor implements Executor {

    private final PlanRunner runner = new PlanRunner((root, resources) -> resources.rowOperators().build(root));

    @Override
    public String name() {
        return "interpreter";
    }

    @Override
    public RowCursor execute(Plan plan, ExecutionContext context) {
        return runner.execute(plan, context);
    }
}
