package org.modgres.executor.batch;

import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.modgres.api.catalog.SystemRelation;
import org.modgres.executor.impl.StatementResources;
import org.modgres.executor.impl.agg.AccumulatorFactory;
import org.modgres.executor.impl.agg.Aggregates;
import org.modgres.executor.impl.expr.Evaluator;
import org.modgres.executor.impl.operator.IndexScanTerms;
import org.modgres.executor.impl.operator.KeyLookups;
import org.modgres.executor.impl.operator.Operator;
import org.modgres.executor.impl.operator.OperatorBuilder;
import org.modgres.executor.impl.operator.TableNames;

/**
 * Turns a query's RelNode tree into batch operators where a batch pays: scans of stored
 * tables, filters, projections, hash aggregates and inner equi-joins. Every other node (sorts,
 * limits, windows, set operations, outer joins, catalog scans, index lookups)
 * runs on the default executor's row operators, whose inputs come back here, so a batch
 * pipeline can sit under a row operator and the other way round.
 */
final class BatchPlanBuilder {

    private final StatementResources resources;
    private final OperatorBuilder rowOperators;
    private final BatchConditions conditions;

    BatchPlanBuilder(StatementResources resources) {
        this.resources = resources;
        this.rowOperators = resources.rowOperators().withInputsFrom(this::rows);
        this.conditions = new BatchConditions(resources.compiler());
    }

    /** Builds the operators of a query, as rows for the session's cursor. */
    Operator rows(RelNode rel) {
        BatchOperator batches = batches(rel);
        return batches instanceof BatchesOfRows rowsAlready ? rowsAlready.rows() : new RowsOfBatches(batches);
    }

    private BatchOperator batches(RelNode rel) {
        return switch (rel) {
            case TableScan scan when isStoredTable(scan) && !readsRowsAsOfStart(scan) -> scan(scan);
            case Filter filter when !pinsPrimaryKey(filter.getInput(), filter.getCondition()) ->
                    new BatchFilter(batches(filter.getInput()), conditions.of(filter.getCondition()));
            case Project project -> project(batches(project.getInput()), project.getProjects());
            case Calc calc when !pinsPrimaryKey(calc) -> calc(calc);
            case Aggregate aggregate when aggregate.getGroupType() == Aggregate.Group.SIMPLE -> aggregate(aggregate);
            case Join join when isInnerEquiJoin(join) -> join(join);
            default -> new BatchesOfRows(rowOperators.build(rel));
        };
    }

    /** Whether a scan reads a whole stored table; a scan through an index is the row operators'. */
    private static boolean isStoredTable(TableScan scan) {
        return scan.getTable().unwrap(SystemRelation.class) == null && IndexScanTerms.of(scan) == null;
    }

    /** Whether the scan reads a table as the statement found it, which the row operators keep. */
    private boolean readsRowsAsOfStart(TableScan scan) {
        return resources.tablesAsOfStart().containsKey(TableNames.of(scan.getTable()));
    }

    private BatchOperator scan(TableScan scan) {
        TableNames names = TableNames.of(scan.getTable());
        return new BatchScan(resources.transaction(), names.schema(), names.table(), resources.interrupts());
    }

    /** Tells whether a filter fetches its rows through an index, which the row executor does without a scan. */
    private boolean pinsPrimaryKey(RelNode input, RexNode condition) {
        return input instanceof TableScan scan && isStoredTable(scan)
                && KeyLookups.keyLookup(condition, scan, resources.transaction(), resources.compiler()).isPresent();
    }

    private boolean pinsPrimaryKey(Calc calc) {
        RexProgram program = calc.getProgram();
        return program.getCondition() != null
                && pinsPrimaryKey(calc.getInput(), program.expandLocalRef(program.getCondition()));
    }

    private BatchOperator calc(Calc calc) {
        RexProgram program = calc.getProgram();
        BatchOperator input = batches(calc.getInput());
        if (program.getCondition() != null) {
            input = new BatchFilter(input, conditions.of(program.expandLocalRef(program.getCondition())));
        }
        List<RexNode> projections = new ArrayList<>();
        program.getProjectList().forEach(ref -> projections.add(program.expandLocalRef(ref)));
        return project(input, projections);
    }

    private BatchOperator project(BatchOperator input, List<RexNode> projections) {
        int[] copied = new int[projections.size()];
        for (int i = 0; i < copied.length; i++) {
            copied[i] = projections.get(i) instanceof RexInputRef ref ? ref.getIndex() : -1;
        }
        return new BatchProject(input, resources.compiler().compile(projections), copied);
    }

    private BatchOperator aggregate(Aggregate aggregate) {
        List<AccumulatorFactory> factories = new ArrayList<>();
        for (AggregateCall call : aggregate.getAggCallList()) {
            factories.add(Aggregates.factory(call, aggregate.getInput().getRowType()));
        }
        return new BatchAggregate(batches(aggregate.getInput()), aggregate.getGroupSet().toArray(), factories,
                resources.memory());
    }

    /** Tells whether a join is inner, on at least one key, and no key lets NULL match NULL. */
    private static boolean isInnerEquiJoin(Join join) {
        if (join.getJoinType() != JoinRelType.INNER) {
            return false;
        }
        JoinInfo info = JoinInfo.of(join.getLeft(), join.getRight(), join.getCondition());
        return !info.leftKeys.isEmpty() && info.nullExclusionFlags.stream().allMatch(Boolean::booleanValue);
    }

    private BatchOperator join(Join join) {
        JoinInfo info = JoinInfo.of(join.getLeft(), join.getRight(), join.getCondition());
        RexNode remaining = RexUtil.composeConjunction(join.getCluster().getRexBuilder(), info.nonEquiConditions);
        Evaluator residual = remaining.isAlwaysTrue() ? null : resources.compiler().compile(remaining);
        return new BatchHashJoin(batches(join.getLeft()), batches(join.getRight()), info.leftKeys.toIntArray(),
                info.rightKeys.toIntArray(), residual, join.getLeft().getRowType().getFieldCount(),
                join.getRight().getRowType().getFieldCount(), resources.interrupts(), resources.memory());
    }
}
