package org.modgres.executor.impl.dml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.modgres.executor.impl.expr.Evaluator;
import org.modgres.executor.impl.expr.ExpressionCompiler;
import org.modgres.executor.impl.value.PgErrors;

/**
 * The Project, Filter and Calc nodes of a plan over a leaf that stands for one row (the changed
 * row of RETURNING, the existing and proposed rows of ON CONFLICT DO UPDATE), evaluated for one
 * row at a time, without operators.
 */
public final class RowPipeline {

    private interface Step {

        /** Returns the step's row, or null when a filter rejects it. */
        Object[] apply(Object[] row);
    }

    private final List<Step> steps;
    private final int inputWidth;

    private RowPipeline(List<Step> steps, int inputWidth) {
        this.steps = steps;
        this.inputWidth = inputWidth;
    }

    /**
     * Compiles the nodes from the root down to the first node of another kind, the leaf whose
     * rows {@link #apply} takes.
     */
    public static RowPipeline compile(RelNode rel, ExpressionCompiler compiler) {
        List<Step> steps = new ArrayList<>();
        RelNode node = rel;
        while (true) {
            switch (node) {
                case Project project -> steps.add(project(compiler.compile(project.getProjects())));
                case Filter filter -> steps.add(filter(compiler.compile(filter.getCondition())));
                case Calc calc -> {
                    RexProgram program = calc.getProgram();
                    List<RexNode> projections = new ArrayList<>();
                    program.getProjectList().forEach(ref -> projections.add(program.expandLocalRef(ref)));
                    steps.add(project(compiler.compile(projections)));
                    if (program.getCondition() != null) {
                        steps.add(filter(compiler.compile(program.expandLocalRef(program.getCondition()))));
                    }
                }
                default -> {
                    Collections.reverse(steps);
                    return new RowPipeline(steps, node.getRowType().getFieldCount());
                }
            }
            node = node.getInput(0);
        }
    }

    private static Step project(Evaluator[] expressions) {
        return row -> {
            Object[] out = new Object[expressions.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = expressions[i].evaluate(row);
            }
            return out;
        };
    }

    private static Step filter(Evaluator condition) {
        return row -> condition.evaluate(row) == Boolean.TRUE ? row : null;
    }

    /** Returns the row computed from an input row, or null when a filter rejects it. */
    public Object[] apply(Object[] input) {
        if (input.length != inputWidth) {
            throw PgErrors.notSupported("a row of " + input.length + " values where the plan reads " + inputWidth);
        }
        Object[] row = input;
        for (Step step : steps) {
            row = step.apply(row);
            if (row == null) {
                return null;
            }
        }
        return row;
    }
}
