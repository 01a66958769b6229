package org.modgres.itests.probe;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.modgres.api.plan.AlterTablePlan;
import org.modgres.api.plan.CreateTablePlan;
import org.modgres.api.plan.DropTablePlan;
import org.modgres.api.plan.Plan;
import org.modgres.api.plan.Planner;
import org.modgres.api.plan.PlanningContext;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.sql.PlannableStatement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A planner that outranks the default one and signs every plan with its own name, so that a
 * test can see which planner served each statement. It plans by asking the best other planner,
 * which keeps it a few lines long while still exercising the swap path of a real extension.
 */
@Component(service = Planner.class, property = {"service.ranking:Integer=100", "modgres.planner=probe"})
public final class ProbePlanner implements Planner {

    private static final Logger LOG = LoggerFactory.getLogger(ProbePlanner.class);

    private final Planner delegate;
    private final AtomicLong planned = new AtomicLong();

    @Activate
    public ProbePlanner(@Reference(target = "(!(modgres.planner=probe))") Planner delegate) {
        this.delegate = delegate;
        LOG.info("probe planner active, delegating to {}", delegate.name());
    }

    @Deactivate
    void deactivate() {
        LOG.info("probe planner stopped after planning {} statements", planned.get());
    }

    @Override
    public String name() {
        return "probe";
    }

    /** Plans change when the delegate's rules or functions change. */
    @Override
    public long generation() {
        return delegate.generation();
    }

    @Override
    public List<String> explain(Plan plan) {
        return delegate.explain(plan);
    }

    @Override
    public Plan plan(PlannableStatement statement, PlanningContext context) {
        planned.incrementAndGet();
        return switch (delegate.plan(statement, context)) {
            case RelationalPlan p -> new RelationalPlan(p.kind(), name(), p.root(), p.columns(), p.parameterTypes(),
                    p.catalogVersion(), p.returning(), p.onConflict(), p.literalParameters()).withChecks(p.checks());
            case CreateTablePlan p -> new CreateTablePlan(name(), p.definition(), p.ifNotExists(), p.catalogVersion());
            case DropTablePlan p -> new DropTablePlan(name(), p.tables(), p.ifExists(), p.catalogVersion(), p.cascade());
            case AlterTablePlan p -> new AlterTablePlan(name(), p.table(), p.ifExists(), p.actions(),
                    p.catalogVersion());
        };
    }
}
