package org.modgres.planner.calcite.impl;

import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.hep.HepRelVertex;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * Finds the table column a result column passes through unchanged, as PostgreSQL's
 * RowDescription names it. Unlike Calcite's column-origin metadata, a column from the
 * null-generating side of an outer join still counts: its values are the column's or NULL.
 */
final class ColumnOrigins {

    /** A table and the 0-based position of one of its columns. */
    record Origin(RelOptTable table, int column) {
    }

    private ColumnOrigins() {
    }

    /** Returns where a column of a relational expression comes from unchanged, or null. */
    static Origin of(RelNode rel, int column) {
        return switch (rel) {
            case HepRelVertex vertex -> of(vertex.getCurrentRel(), column);
            case TableScan scan -> new Origin(scan.getTable(), column);
            case Project project -> passedThrough(project.getInput(), project.getProjects().get(column));
            case Calc calc -> passedThrough(calc.getInput(),
                    calc.getProgram().expandLocalRef(calc.getProgram().getProjectList().get(column)));
            case Filter filter -> of(filter.getInput(), column);
            case Sort sort -> of(sort.getInput(), column);
            case Window window -> column < window.getInput().getRowType().getFieldCount()
                    ? of(window.getInput(), column) : null;
            case Aggregate aggregate -> column < aggregate.getGroupCount()
                    ? of(aggregate.getInput(), aggregate.getGroupSet().nth(column)) : null;
            case Join join -> fromSides(join.getLeft(), join.getRight(), column);
            case Correlate correlate -> fromSides(correlate.getLeft(), correlate.getRight(), column);
            default -> null;
        };
    }

    private static Origin passedThrough(RelNode input, RexNode expression) {
        return expression instanceof RexInputRef ref ? of(input, ref.getIndex()) : null;
    }

    private static Origin fromSides(RelNode left, RelNode right, int column) {
        int leftColumns = left.getRowType().getFieldCount();
        return column < leftColumns ? of(left, column) : of(right, column - leftColumns);
    }
}
