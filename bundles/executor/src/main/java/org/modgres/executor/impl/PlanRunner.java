package org.modgres.executor.impl;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.modgres.api.error.PgException;
import org.modgres.api.error.SqlState;
import org.modgres.api.exec.ExecutionContext;
import org.modgres.api.exec.RowCursor;
import org.modgres.api.plan.AlterTablePlan;
import org.modgres.api.plan.CreateTablePlan;
import org.modgres.api.plan.DataModifyingWith;
import org.modgres.api.plan.DropTablePlan;
import org.modgres.api.plan.Plan;
import org.modgres.api.plan.RelationalPlan;
import org.modgres.api.plan.ResultColumn;
import org.modgres.executor.impl.catalog.StatementCatalogContext;
import org.modgres.executor.impl.dml.DmlRunner;
import org.modgres.executor.impl.dml.RowPipeline;
import org.modgres.executor.impl.expr.ExpressionCompiler;
import org.modgres.executor.impl.operator.Interrupts;
import org.modgres.executor.impl.operator.MemoryBudget;
import org.modgres.executor.impl.operator.Operator;
import org.modgres.executor.impl.value.SessionTimeZone;
import org.modgres.executor.impl.value.ValueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs any plan: DDL and DML to completion in {@link #execute}, a query as a cursor whose rows
 * are computed as the session pulls them. Executors differ in how they run a query's
 * operators, which they give as {@link QueryOperators}; DDL, DML and the rows DML returns
 * run the same way for all of them.
 */
public final class PlanRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PlanRunner.class);

    /** Turns the root of a query into the operator whose rows are the query's result. */
    @FunctionalInterface
    public interface QueryOperators {

        Operator build(RelNode root, StatementResources resources);
    }

    private final QueryOperators queries;

    public PlanRunner(QueryOperators queries) {
        this.queries = queries;
    }

    public RowCursor execute(Plan plan, ExecutionContext context) {
        SessionTimeZone.use(context.settings());
        return switch (plan) {
            case CreateTablePlan create -> {
                DdlRunner.createTable(create, context);
                yield new CountCursor(0);
            }
            case DropTablePlan drop -> {
                DdlRunner.dropTables(drop, context);
                yield new CountCursor(0);
            }
            case AlterTablePlan alter -> {
                AlterTableRunner.alter(alter, context);
                yield new CountCursor(0);
            }
            case RelationalPlan relational -> run(relational, context);
        };
    }

    private RowCursor run(RelationalPlan plan, ExecutionContext context) {
        RelNode root = plan.root();
        ExpressionCompiler compiler = new ExpressionCompiler(parameters(plan, context),
                root.getCluster().getRexBuilder(), OffsetDateTime.now(), new StatementCatalogContext(context));
        StatementResources resources = new StatementResources(context.transaction(), compiler,
                new Interrupts(context), MemoryBudget.of(context.settings()));
        if (root instanceof DataModifyingWith with) {
            resources = resources.withTablesAsOfStart(TablesAsOfStart.read(with, resources));
            runDataModifyingWith(with, resources, "on".equals(context.settings().get("transaction_read_only")));
            root = with.main();
        }
        if (root instanceof TableModify modify) {
            DmlRunner runner = new DmlRunner(context.transaction(), resources.rowOperators(), compiler,
                    resources.interrupts());
            if (plan.returning() == null) {
                long count = runner.run(modify, plan.onConflict(), plan.checks(), null);
                LOG.debug("{} changed {} rows", modify.getOperation(), count);
                return new CountCursor(count);
            }
            RowPipeline returning = RowPipeline.compile(plan.returning(), compiler);
            List<Object[]> changed = new ArrayList<>();
            long count = runner.run(modify, plan.onConflict(), plan.checks(), changed::add);
            LOG.debug("{} changed {} rows, returning them", modify.getOperation(), count);
            return new ReturningCursor(changed, returning, count, columnTypes(plan.columns(), plan.returning()));
        }
        if (plan.rowLocking() != null) {
            return new QueryCursor(resources.rowOperators().buildLocking(root, plan.rowLocking()),
                    columnTypes(plan.columns(), root));
        }
        return new QueryCursor(queries.build(root, resources), columnTypes(plan.columns(), root));
    }

    /**
     * Runs the DML of a statement's WITH list, each once and in order, keeping the rows its
     * RETURNING gives for the scans of its transient table.
     */
    private static void runDataModifyingWith(DataModifyingWith with, StatementResources resources, boolean readOnly) {
        for (DataModifyingWith.Step step : with.steps()) {
            RelationalPlan plan = step.plan();
            if (readOnly) {
                // the session checks the statement's own kind; a query does not tell it of the DML in its WITH
                throw new PgException(SqlState.READ_ONLY_SQL_TRANSACTION,
                        "cannot execute " + plan.kind().commandName() + " in a read-only transaction");
            }
            DmlRunner runner = new DmlRunner(resources.transaction(), resources.rowOperators(), resources.compiler(),
                    resources.interrupts());
            List<Object[]> changed = new ArrayList<>();
            TableModify modify = (TableModify) plan.root();
            long count = runner.run(modify, plan.onConflict(), plan.checks(),
                    plan.returning() == null ? null : changed::add);
            LOG.debug("{} in WITH changed {} rows", modify.getOperation(), count);
            if (plan.returning() != null) {
                RowPipeline returning = RowPipeline.compile(plan.returning(), resources.compiler());
                List<Object[]> rows = new ArrayList<>(changed.size());
                for (Object[] row : changed) {
                    Object[] returned = returning.apply(row);
                    if (returned != null) {
                        rows.add(returned);
                    }
                }
                resources.withRows().put(step.rowsTable(), rows);
            }
        }
    }

    /** Returns the client's parameters followed by those the planner made of the statement's literals. */
    private static List<Object> parameters(RelationalPlan plan, ExecutionContext context) {
        if (plan.literalParameters().isEmpty()) {
            return context.parameters();
        }
        List<Object> all = new ArrayList<>(context.parameters());
        all.addAll(plan.literalParameters());
        return all;
    }

    /** Returns the types the session encodes each column as: the plan's columns, else the RelNode's. */
    private static ValueType[] columnTypes(List<ResultColumn> columns, RelNode rel) {
        List<RelDataTypeField> fields = rel.getRowType().getFieldList();
        ValueType[] types = new ValueType[fields.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.size() == types.length
                    ? ValueType.of(columns.get(i).type().type())
                    : ValueType.of(fields.get(i).getType());
        }
        return types;
    }
}
