package org.modgres.api.plan;

import java.util.List;

import org.apache.calcite.plan.RelOptRule;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extra Calcite rules for the planners built on Calcite. Register an implementation as a
 * service: while it is registered, the planner runs its rules over every statement it plans,
 * after its own rewrites; unregistering it (stopping its bundle) takes them away again. Plans
 * cached while the rules were in place are planned again, so a statement never runs on rules
 * that are gone.
 *
 * <p>A rule must keep the meaning of the plan, and produce only logical relational expressions
 * ({@code Logical*} nodes) that the executor serving the backend can run.
 */
@ConsumerType
public interface PlannerRuleProvider {

    /** Returns a short name, listed by the shell's {@code modgres:rules} command. */
    String name();

    /** Returns the rules, run in this order. The list is read once per registration. */
    List<RelOptRule> rules();
}
