package org.modgres.planner.calcite.impl;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Rewrites Calcite's {@code SEARCH(x, Sarg[...])} back into plain comparisons, so that executors
 * only meet the operators a PostgreSQL query can spell; and comparisons of row constructors,
 * {@code (a, b) > ($1, $2)} as keyset pagination writes them, into comparisons of their fields.
 */
final class SearchExpander extends RelHomogeneousShuttle {

    private final RexShuttle expander;

    SearchExpander(RexBuilder rexBuilder) {
        this.expander = new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                if (call.getKind() == SqlKind.SEARCH) {
                    return RexUtil.expandSearch(rexBuilder, null, call).accept(this);
                }
                if (RowComparisons.isRowComparison(call)) {
                    return RowComparisons.expand(rexBuilder, call).accept(this);
                }
                return super.visitCall(call);
            }
        };
    }

    @Override
    public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        return visited.accept(expander);
    }
}
