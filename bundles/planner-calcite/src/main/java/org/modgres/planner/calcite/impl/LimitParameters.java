package org.modgres.planner.calcite.impl;

import java.util.Set;
import java.util.TreeSet;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Types the parameters of LIMIT and OFFSET as bigint, as PostgreSQL does; Calcite makes them
 * integers, which would refuse a limit beyond 2^31.
 */
final class LimitParameters extends RelHomogeneousShuttle {

    private final RexBuilder rexBuilder;
    private final RelDataType bigint;

    private LimitParameters(RexBuilder rexBuilder) {
        this.rexBuilder = rexBuilder;
        this.bigint = rexBuilder.getTypeFactory().createTypeWithNullability(
                rexBuilder.getTypeFactory().createSqlType(SqlTypeName.BIGINT), true);
    }

    /** Returns the plan with its LIMIT and OFFSET parameters typed bigint. */
    static RelNode retype(RelNode rel) {
        return rel.accept(new LimitParameters(rel.getCluster().getRexBuilder()));
    }

    /** Returns the indexes of the parameters that are a LIMIT or an OFFSET somewhere in a plan. */
    static Set<Integer> indexes(RelNode rel) {
        Set<Integer> indexes = new TreeSet<>();
        new RelVisitor() {
            @Override
            public void visit(RelNode node, int ordinal, RelNode parent) {
                if (node instanceof Sort sort) {
                    for (RexNode bound : new RexNode[] {sort.offset, sort.fetch}) {
                        if (bound instanceof RexDynamicParam param) {
                            indexes.add(param.getIndex());
                        }
                    }
                }
                super.visit(node, ordinal, parent);
            }
        }.go(rel);
        return indexes;
    }

    @Override
    public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        if (visited instanceof Sort sort && (needsRetyping(sort.offset) || needsRetyping(sort.fetch))) {
            return sort.copy(sort.getTraitSet(), sort.getInput(), sort.getCollation(), retyped(sort.offset),
                    retyped(sort.fetch));
        }
        return visited;
    }

    private boolean needsRetyping(RexNode bound) {
        return bound instanceof RexDynamicParam param && param.getType().getSqlTypeName() != SqlTypeName.BIGINT;
    }

    private RexNode retyped(RexNode bound) {
        return needsRetyping(bound) ? rexBuilder.makeDynamicParam(bigint, ((RexDynamicParam) bound).getIndex()) : bound;
    }
}
