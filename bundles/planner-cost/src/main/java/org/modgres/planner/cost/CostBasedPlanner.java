package org.modgres.planner.cost;

import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.rules.CoreRules;
import org.modgres.api.plan.Planner;
import org.modgres.planner.calcite.impl.AbstractCalcitePlanner;
import org.osgi.service.component.annotations.Component;

/**
 * A planner that chooses the order of joins by cost: after the default planner's rewrites, the
 * joins of a statement are gathered into one multi-way join and rebuilt in the order Calcite's
 * metadata estimates cheapest (LoptOptimizeJoinRule: smallest estimated results first, filters and
 * keys counted), instead of the order the statement wrote them. It outranks the default planner,
 * so deploying its bundle makes it serve new statements.
 */
@Component(service = Planner.class, property = {"service.ranking:Integer=10", "modgres.planner=calcite-cost"})
public final class CostBasedPlanner extends AbstractCalcitePlanner {

    static final String NAME = "calcite-cost";

    /** Joins to one multi-way join bottom-up, then one cost-ordered tree of joins; projections merged again. */
    private static final HepProgram JOIN_ORDER = new HepProgramBuilder()
            .addMatchOrder(HepMatchOrder.BOTTOM_UP)
            .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
            .addRuleInstance(CoreRules.MULTI_JOIN_OPTIMIZE)
            .addRuleInstance(CoreRules.PROJECT_MERGE)
            .addRuleInstance(CoreRules.PROJECT_REMOVE)
            .build();

    public CostBasedPlanner() {
        super(NAME, JOIN_ORDER);
    }
}
