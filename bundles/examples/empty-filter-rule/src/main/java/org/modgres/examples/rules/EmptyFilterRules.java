package org.modgres.examples.rules;

import java.util.List;

import org.apache.calcite.plan.RelOptRule;
import org.modgres.api.plan.PlannerRuleProvider;
import org.osgi.service.component.annotations.Component;

/**
 * Offers {@link EmptyFilterRule} to the planner. Registering this service is all it takes: the
 * planner runs the rule while this bundle is active and stops when it stops.
 */
@Component
public final class EmptyFilterRules implements PlannerRuleProvider {

    @Override
    public String name() {
        return "empty-filter";
    }

    @Override
    public List<RelOptRule> rules() {
        return List.of(EmptyFilterRule.INSTANCE);
    }
}
