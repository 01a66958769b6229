package org.modgres.api.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The root of a statement with INSERT, UPDATE or DELETE in its WITH list (PostgreSQL's
 * data-modifying WITH, {@code WITH d AS (DELETE ... RETURNING *) SELECT ... FROM d}). Before the
 * main statement, an executor runs each step's DML to completion, once, in order, and keeps the
 * rows its RETURNING gives as the rows of the {@code TransientTable} whose qualified name is the
 * step's {@link Step#rowsTable()}, which the main statement and later steps scan. Then it runs
 * {@link #main()} as the plan's root. The inputs are the main statement's root followed by each
 * step's plan nodes, so that walks over a plan's nodes, such as privilege checks, see them all.
 */
public final class DataModifyingWith extends AbstractRelNode {

    /**
     * One data-modifying WITH query.
     *
     * @param rowsTable the qualified name of the transient table its RETURNING rows fill
     * @param plan      the DML's plan: a {@code TableModify} root, with its RETURNING (null without one),
     *                  ON CONFLICT and CHECK constraints as for a statement of its own
     */
    public record Step(List<String> rowsTable, RelationalPlan plan) {

        public Step {
            rowsTable = List.copyOf(rowsTable);
            Objects.requireNonNull(plan, "plan");
        }
    }

    private final RelNode main;
    private final List<Step> steps;

    public DataModifyingWith(RelNode main, List<Step> steps) {
        super(main.getCluster(), main.getTraitSet());
        this.main = main;
        this.steps = List.copyOf(steps);
    }

    /** Returns the main statement's root, which runs after the steps. */
    public RelNode main() {
        return main;
    }

    /** Returns the data-modifying WITH queries in the order they run. */
    public List<Step> steps() {
        return steps;
    }

    @Override
    protected RelDataType deriveRowType() {
        return main.getRowType();
    }

    @Override
    public List<RelNode> getInputs() {
        List<RelNode> inputs = new ArrayList<>();
        inputs.add(main);
        for (Step step : steps) {
            RelationalPlan plan = step.plan();
            inputs.add(plan.root());
            if (plan.returning() != null) {
                inputs.add(plan.returning());
            }
            if (plan.onConflict() != null && plan.onConflict().update() != null) {
                inputs.add(plan.onConflict().update());
            }
        }
        return inputs;
    }

    /** Returns this node: it is built from its parts after planning, never by a rule. */
    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return this;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        RelWriter writer = super.explainTerms(pw).input("main", main);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            writer = writer.input(String.join(".", step.rowsTable()), step.plan().root());
            if (step.plan().returning() != null) {
                writer = writer.input("returning" + i, step.plan().returning());
            }
        }
        return writer;
    }
}
