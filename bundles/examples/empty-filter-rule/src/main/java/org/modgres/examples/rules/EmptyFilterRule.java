package org.modgres.examples.rules;

import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * Replaces a filter whose condition can never be true, such as {@code WHERE 1 = 0}, and everything
 * under it by an empty result, so the table is never read.
 */
public final class EmptyFilterRule extends RelRule<EmptyFilterRule.Config> {

    /** Matches every filter, whatever its input. */
    public static final EmptyFilterRule INSTANCE = new Config("EmptyFilterRule",
            operands -> operands.operand(Filter.class).anyInputs()).toRule();

    private EmptyFilterRule(Config config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Filter filter = call.rel(0);
        RexSimplify simplify = new RexSimplify(filter.getCluster().getRexBuilder(), RelOptPredicateList.EMPTY,
                RexUtil.EXECUTOR);
        RexNode condition = simplify.simplifyUnknownAsFalse(filter.getCondition());
        if (condition.isAlwaysFalse()) {
            call.transformTo(call.builder().push(filter).empty().build());
        }
    }

    /** The rule's configuration: a record is all Calcite needs. */
    public record Config(String description, OperandTransform operandSupplier) implements RelRule.Config {

        @Override
        public EmptyFilterRule toRule() {
            return new EmptyFilterRule(this);
        }

        @Override
        public Config withDescription(String newDescription) {
            return new Config(newDescription, operandSupplier);
        }

        @Override
        public Config withOperandSupplier(OperandTransform transform) {
            return new Config(description, transform);
        }

        @Override
        public Config withRelBuilderFactory(RelBuilderFactory factory) {
            // rules run with the planner's logical builder; the example does not need another
            return this;
        }
    }
}
