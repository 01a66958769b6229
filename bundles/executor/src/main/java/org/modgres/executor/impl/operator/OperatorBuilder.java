package org.modgres.executor.impl.operator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Collect;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.Spool;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.schema.TransientTable;
import org.modgres.api.catalog.SystemRelation;
import org.modgres.api.catalog.SystemRelationContext;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.plan.RowLocking;
import org.modgres.api.storage.Transaction;
import org.modgres.executor.impl.agg.AccumulatorFactory;
import org.modgres.executor.impl.agg.Aggregates;
import org.modgres.executor.impl.dml.RowPipeline;
import org.modgres.executor.impl.expr.Evaluator;
import org.modgres.executor.impl.expr.ExpressionCompiler;
import org.modgres.executor.impl.value.Casts;
import org.modgres.executor.impl.value.LiteralValues;
import org.modgres.executor.impl.value.PgErrors;
import org.modgres.executor.impl.value.ValueType;
import org.modgres.executor.impl.window.WindowFunctions;

/**
 * Turns a logical RelNode tree into a tree of operators, matching Calcite's core node classes
 * so that any planner's nodes of those kinds run.
 */
public final class OperatorBuilder {

    private final Transaction transaction;
    private final ExpressionCompiler compiler;
    private final Interrupts interrupts;
    private final MemoryBudget memory;
    private TableNames trackedTable;
    private RowIdTracker tracker;
    private boolean trackerAttached;
    private Function<RelNode, Operator> inputBuilder;
    /** The working tables of the recursive queries being built, by the name their recursive terms scan. */
    private final Map<List<String>, WorkingTable> workingTables = new HashMap<>();
    /** The rows data-modifying WITH queries returned, by the name of their transient table. */
    private Map<List<String>, List<Object[]>> rowsOfWith = Map.of();
    /** The rows tables had when the statement started, for the tables its data-modifying WITH changes. */
    private Map<TableNames, List<Object[]>> tablesAsOfStart = Map.of();

    public OperatorBuilder(Transaction transaction, ExpressionCompiler compiler, Interrupts interrupts,
                           MemoryBudget memory) {
        this.transaction = transaction;
        this.memory = memory;
        this.compiler = compiler;
        this.interrupts = interrupts;
    }

    /** Has scans of transient tables not of a recursive query read these rows, by the tables' names. */
    public OperatorBuilder withRowsOfWith(Map<List<String>, List<Object[]>> rows) {
        this.rowsOfWith = rows;
        return this;
    }

    /**
     * Has scans of these tables read the rows they had when the statement started, as PostgreSQL's
     * statements with data-modifying WITH queries read them; the target scan of an UPDATE or DELETE
     * still reads the table itself.
     */
    public OperatorBuilder withTablesAsOfStart(Map<TableNames, List<Object[]>> rows) {
        this.tablesAsOfStart = rows;
        return this;
    }

    /** Builds the operators of a query. */
    public Operator build(RelNode rel) {
        return build(rel, false);
    }

    /**
     * Has the inputs of the nodes this builder builds come from elsewhere, so that an executor
     * can run some nodes its own way and hand the others to this builder. The input of an UPDATE's
     * or DELETE's target scan is always built here.
     */
    public OperatorBuilder withInputsFrom(Function<RelNode, Operator> inputBuilder) {
        this.inputBuilder = inputBuilder;
        return this;
    }

    private Operator input(RelNode rel, boolean track) {
        return track || inputBuilder == null ? build(rel, track) : inputBuilder.apply(rel);
    }

    private Operator input(RelNode rel) {
        return input(rel, false);
    }

    /**
     * Builds the input of an INSERT: the projections at its top (one per VALUES row) convert
     * with assignment rules, so that a value too long for its column fails rather than being cut.
     */
    public Operator buildAssigned(RelNode rel) {
        return buildAssigned(rel, false);
    }

    /**
     * Builds the input of an UPDATE or DELETE, whose scan of the target table reports the id
     * of each row it produces to a tracker.
     *
     * @throws PgException 0A000 when the target's rows do not reach the top one at a time
     */
    public Operator buildTracked(RelNode rel, TableNames target, RowIdTracker rowIds) {
        trackedTable = target;
        tracker = rowIds;
        trackerAttached = false;
        Operator operator = buildAssigned(rel, true);
        if (!trackerAttached) {
            throw PgErrors.notSupported("UPDATE or DELETE of this form");
        }
        return operator;
    }

    /**
     * Builds SELECT ... FOR UPDATE: projections over an optional ORDER BY / LIMIT over the rows of
     * one table, whose ids are tracked so that each row can be locked.
     *
     * @throws PgException 0A000 for other shapes, such as joins
     */
    public Operator buildLocking(RelNode root, RowLocking locking) {
        RelNode node = root;
        Sort sort = null;
        while (node instanceof Project || node instanceof Sort) {
            if (node instanceof Sort found) {
                if (sort != null) {
                    throw PgErrors.notSupported("FOR UPDATE over a sub-query with its own ORDER BY or LIMIT");
                }
                sort = found;
            }
            node = node.getInput(0);
        }
        RelNode base = sort == null ? root : sort.getInput();
        TableNames table = scannedTable(base);
        RowIdTracker rowIds = new RowIdTracker();
        Operator rows = buildTracked(base, table, rowIds);
        Comparator<Object[]> order = sort == null || sort.getCollation().getFieldCollations().isEmpty() ? null
                : new RowComparator(sort.getCollation().getFieldCollations(), sort.getInput().getRowType());
        long offset = sort == null || sort.offset == null ? 0 : rowCount(sort.offset, "OFFSET");
        long fetch = sort == null || sort.fetch == null ? -1 : rowCount(sort.fetch, "LIMIT");
        // without ORDER BY or LIMIT the tracked rows are the result already
        RowPipeline above = sort == null ? null : RowPipeline.compile(root, compiler);
        return new RowLockingOperator(rows, rowIds, transaction, table, locking, order, offset, fetch, above,
                memory);
    }

    /** Returns the one stored table a locking query reads. */
    private static TableNames scannedTable(RelNode rel) {
        List<TableScan> scans = new ArrayList<>();
        new RelVisitor() {
            @Override
            public void visit(RelNode node, int ordinal, RelNode parent) {
                if (node instanceof TableScan scan) {
                    scans.add(scan);
                }
                super.visit(node, ordinal, parent);
            }
        }.go(rel);
        if (scans.size() != 1 || scans.getFirst().getTable().unwrap(SystemRelation.class) != null) {
            throw PgErrors.notSupported("FOR UPDATE of anything but the rows of one table");
        }
        return TableNames.of(scans.getFirst().getTable());
    }

    private Operator buildAssigned(RelNode rel, boolean track) {
        return switch (rel) {
            case Project project -> new ProjectOperator(input(project.getInput(), track),
                    assignments(project.getProjects()));
            case Calc calc -> calc(calc, track, true);
            case Union union when union.all && !track -> {
                List<Operator> inputs = new ArrayList<>();
                for (RelNode input : union.getInputs()) {
                    inputs.add(buildAssigned(input, false));
                }
                yield new UnionOperator(inputs, false, memory);
            }
            default -> build(rel, track);
        };
    }

    private Evaluator[] assignments(List<RexNode> expressions) {
        Evaluator[] result = new Evaluator[expressions.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = compiler.compileAssignment(expressions.get(i));
        }
        return result;
    }

    private Operator build(RelNode rel, boolean track) {
        return switch (rel) {
            case TableScan scan -> scan(scan, track);
            case Filter filter -> new FilterOperator(filterInput(filter.getInput(), filter.getCondition(), track),
                    compiler.compile(filter.getCondition()));
            case Project project -> new ProjectOperator(input(project.getInput(), track),
                    compiler.compile(project.getProjects()));
            case Calc calc -> calc(calc, track, false);
            case Join join -> join(join, track);
            default -> {
                if (track) {
                    throw PgErrors.notSupported("UPDATE or DELETE through " + rel.getRelTypeName());
                }
                yield buildBlocking(rel);
            }
        };
    }

    private Operator buildBlocking(RelNode rel) {
        return switch (rel) {
            case Aggregate aggregate -> aggregate(aggregate);
            case Sort sort -> sort(sort);
            case Values values -> values(values);
            case Union union -> new UnionOperator(inputs(union), !union.all, memory);
            case Intersect intersect -> new SetDifferenceOperator(inputs(intersect), true, intersect.all, memory);
            case Minus minus -> new SetDifferenceOperator(inputs(minus), false, minus.all, memory);
            case Window window -> window(window);
            case TableFunctionScan function -> TableFunctions.operator(function, compiler, interrupts);
            case Correlate correlate -> correlate(correlate);
            case Collect collect -> new CollectOperator(input(collect.getInput()), memory);
            case Uncollect uncollect -> uncollect(uncollect);
            case RepeatUnion repeatUnion -> recursiveUnion(repeatUnion);
            case Spool spool -> input(spool.getInput());
            default -> throw PgErrors.notSupported("plan node " + rel.getRelTypeName());
        };
    }

    private Operator scan(TableScan scan, boolean track) {
        if (scan.getTable().unwrap(TransientTable.class) != null && !track) {
            WorkingTable workingTable = workingTables.get(scan.getTable().getQualifiedName());
            List<Object[]> returned = rowsOfWith.get(scan.getTable().getQualifiedName());
            if (workingTable == null && returned != null) {
                workingTable = new WorkingTable();
                workingTable.replace(returned);
            }
            if (workingTable == null) {
                throw PgErrors.notSupported("a scan of " + scan.getTable().getQualifiedName()
                        + " outside its recursive query");
            }
            return new WorkingTableScanOperator(workingTable);
        }
        SystemRelation relation = scan.getTable().unwrap(SystemRelation.class);
        if (relation != null) {
            if (track) {
                throw PgErrors.notSupported("UPDATE or DELETE of a system catalog");
            }
            SystemRelationContext session = compiler.session();
            return new RowsOnOpenOperator(() -> relation.rows(session), interrupts);
        }
        TableNames names = TableNames.of(scan.getTable());
        List<Object[]> rowsAtStart = track ? null : tablesAsOfStart.get(names);
        IndexScanTerms index = IndexScanTerms.of(scan);
        if (rowsAtStart != null) {
            WorkingTable table = new WorkingTable();
            table.replace(rowsAtStart);
            Operator rows = new WorkingTableScanOperator(table);
            // in the index's order, which a sort above may have counted on
            return index == null ? rows : new SortOperator(rows, index.order(scan.getRowType()), 0, -1, memory);
        }
        if (index != null) {
            return new IndexScanOperator(transaction, names, index, compiler, interrupts, attachTracker(names, track));
        }
        return new TableScanOperator(transaction, names.schema(), names.table(), interrupts, attachTracker(names, track));
    }

    /** Returns the tracker for the scan of an UPDATE's or DELETE's target, or null when not tracking. */
    private RowIdTracker attachTracker(TableNames names, boolean track) {
        if (!track) {
            return null;
        }
        if (!names.equals(trackedTable) || trackerAttached) {
            throw PgErrors.notSupported("UPDATE or DELETE of this form");
        }
        trackerAttached = true;
        return tracker;
    }

    /** Builds what a filter reads: an index lookup when the condition pins the columns of an index of the table it scans. */
    private Operator filterInput(RelNode input, RexNode condition, boolean track) {
        if (input instanceof TableScan scan && scan.getTable().unwrap(SystemRelation.class) == null
                && scan.getTable().unwrap(TransientTable.class) == null && IndexScanTerms.of(scan) == null
                && (track || !tablesAsOfStart.containsKey(TableNames.of(scan.getTable())))) {
            Optional<KeyLookups.KeyLookup> key = KeyLookups.keyLookup(condition, scan, transaction, compiler);
            if (key.isPresent()) {
                TableNames names = TableNames.of(scan.getTable());
                return new KeyLookupOperator(transaction, names, key.get(), attachTracker(names, track));
            }
        }
        return input(input, track);
    }

    private Operator calc(Calc calc, boolean track, boolean assigned) {
        RexProgram program = calc.getProgram();
        Operator input;
        if (program.getCondition() != null) {
            RexNode condition = program.expandLocalRef(program.getCondition());
            input = new FilterOperator(filterInput(calc.getInput(), condition, track), compiler.compile(condition));
        } else {
            input = input(calc.getInput(), track);
        }
        List<RexNode> projections = new ArrayList<>();
        program.getProjectList().forEach(ref -> projections.add(program.expandLocalRef(ref)));
        return new ProjectOperator(input, assigned ? assignments(projections) : compiler.compile(projections));
    }

    private Operator join(Join join, boolean track) {
        JoinRelType type = join.getJoinType();
        switch (type) {
            case INNER, LEFT, RIGHT, FULL, SEMI, ANTI -> { }
            default -> throw PgErrors.notSupported(type.lowerName + " join");
        }
        boolean trackLeft = track && (type == JoinRelType.INNER || type == JoinRelType.LEFT
                || type == JoinRelType.SEMI || type == JoinRelType.ANTI);
        if (track && !trackLeft) {
            throw PgErrors.notSupported("UPDATE or DELETE through a " + type.lowerName + " join");
        }
        JoinInfo info = JoinInfo.of(join.getLeft(), join.getRight(), join.getCondition());
        int[] leftKeys = info.leftKeys.toIntArray();
        int[] rightKeys = info.rightKeys.toIntArray();
        boolean[] nullsMatch = new boolean[leftKeys.length];
        for (int i = 0; i < nullsMatch.length; i++) {
            nullsMatch[i] = !info.nullExclusionFlags.get(i);
        }
        RexNode remaining = RexUtil.composeConjunction(join.getCluster().getRexBuilder(), info.nonEquiConditions);
        Evaluator residual = remaining.isAlwaysTrue() ? null : compiler.compile(remaining);
        Operator left = input(join.getLeft(), trackLeft);
        Operator right = input(join.getRight());
        return new JoinOperator(left, right, type, leftKeys, rightKeys, nullsMatch, residual,
                join.getLeft().getRowType().getFieldCount(), join.getRight().getRowType().getFieldCount(), interrupts,
                memory);
    }

    /**
     * Builds WITH RECURSIVE. Its terms are built with this builder's own operators, even when
     * another executor builds the inputs otherwise: only these know the working table.
     */
    private Operator recursiveUnion(RepeatUnion repeatUnion) {
        List<String> name = WorkingTable.nameOf(repeatUnion);
        WorkingTable workingTable = new WorkingTable();
        WorkingTable outer = workingTables.put(name, workingTable);
        Function<RelNode, Operator> otherInputs = inputBuilder;
        inputBuilder = null;
        try {
            Operator seed = build(repeatUnion.getSeedRel(), false);
            Operator recursive = build(repeatUnion.getIterativeRel(), false);
            return new RecursiveUnionOperator(seed, recursive, workingTable, !repeatUnion.all,
                    repeatUnion.iterationLimit, interrupts, memory);
        } finally {
            inputBuilder = otherInputs;
            if (outer == null) {
                workingTables.remove(name);
            } else {
                workingTables.put(name, outer);
            }
        }
    }

    /** Builds {@code unnest} of arrays of scalars; arrays of rows are not supported. */
    private Operator uncollect(Uncollect uncollect) {
        for (RelDataTypeField field : uncollect.getInput().getRowType().getFieldList()) {
            RelDataType element = field.getType().getComponentType();
            if (element == null || element.isStruct()) {
                throw PgErrors.notSupported("unnest of " + field.getType());
            }
        }
        return new UncollectOperator(input(uncollect.getInput()), uncollect.withOrdinality, interrupts);
    }

    /** Builds a nested loop for a join whose right side reads the left row. */
    private Operator correlate(Correlate correlate) {
        return new CorrelateOperator(input(correlate.getLeft()), input(correlate.getRight()),
                correlate.getCorrelationId(), compiler.correlations(), correlate.getJoinType(),
                correlate.getRight().getRowType().getFieldCount(), interrupts);
    }

    private Operator aggregate(Aggregate aggregate) {
        boolean groupingSets = aggregate.getGroupType() != Aggregate.Group.SIMPLE;
        List<AccumulatorFactory> factories = new ArrayList<>();
        for (AggregateCall call : aggregate.getAggCallList()) {
            if (!groupingSets || !GroupingSetsOperator.isGroupingFunction(call)) {
                factories.add(Aggregates.factory(call, aggregate.getInput().getRowType()));
            }
        }
        if (groupingSets) {
            return new GroupingSetsOperator(input(aggregate.getInput()), aggregate, factories, memory);
        }
        return new AggregateOperator(input(aggregate.getInput()), aggregate.getGroupSet().toArray(), factories,
                memory);
    }

    private Operator window(Window window) {
        RelNode input = window.getInput();
        RelDataType inputType = input.getRowType();
        Object[] constants = new Object[window.constants.size()];
        RelDataTypeFactory.Builder rowType = window.getCluster().getTypeFactory().builder().addAll(
                inputType.getFieldList());
        for (int i = 0; i < constants.length; i++) {
            RexLiteral constant = window.constants.get(i);
            constants[i] = Casts.toClass(LiteralValues.convert(constant), ValueType.of(constant.getType()));
            rowType.add("$constant" + i, constant.getType());
        }
        WindowFunctions functions = new WindowFunctions(window, rowType.build(), constants);
        List<WindowOperator.Group> groups = new ArrayList<>();
        for (Window.Group group : window.groups) {
            groups.add(new WindowOperator.Group(group.keys.toArray(),
                    new RowComparator(group.orderKeys.getFieldCollations(), inputType), functions.of(group)));
        }
        return new WindowOperator(input(input), inputType.getFieldCount(), constants, groups, interrupts, memory);
    }

    private Operator sort(Sort sort) {
        long offset = sort.offset == null ? 0 : rowCount(sort.offset, "OFFSET");
        long fetch = sort.fetch == null ? -1 : rowCount(sort.fetch, "LIMIT");
        Operator input = input(sort.getInput());
        if (sort.getCollation().getFieldCollations().isEmpty()) {
            return new LimitOperator(input, offset, fetch);
        }
        RowComparator comparator = new RowComparator(sort.getCollation().getFieldCollations(),
                sort.getInput().getRowType());
        return new SortOperator(input, comparator, offset, fetch, memory);
    }

    /** Returns an OFFSET or LIMIT value; NULL means none (-1 for LIMIT, 0 for OFFSET). */
    private long rowCount(RexNode node, String clause) {
        Object value = compiler.evaluateConstant(node);
        if (value == null) {
            return clause.equals("LIMIT") ? -1 : 0;
        }
        long count = (Long) Casts.toClass(value, ValueType.BIGINT);
        if (count < 0) {
            // 2201W and 2201X, which SqlState does not list
            throw new PgException(SqlState.DATA_EXCEPTION, clause + " must not be negative");
        }
        return count;
    }

    private Operator values(Values values) {
        List<RelDataTypeField> fields = values.getRowType().getFieldList();
        List<Object[]> rows = new ArrayList<>();
        for (List<RexLiteral> tuple : values.getTuples()) {
            Object[] row = new Object[tuple.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = Casts.toClass(LiteralValues.convert(tuple.get(i)), ValueType.of(fields.get(i).getType()));
            }
            rows.add(row);
        }
        return new ValuesOperator(rows);
    }

    private List<Operator> inputs(SetOp setOp) {
        List<Operator> inputs = new ArrayList<>();
        for (RelNode input : setOp.getInputs()) {
            inputs.add(input(input));
        }
        return inputs;
    }
}
